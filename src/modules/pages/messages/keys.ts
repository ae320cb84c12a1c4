// Generated from sv.json by `npm run i18n:types`: do not edit.
declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue {
    "nav.workspace": undefined;
    "workspace.title": undefined;
    "workspace.lead": { name: string | number };
    "workspace.roles": { roles: string | number };
    "workspace.none": undefined;
    "workspace.group.twinCities": undefined;
    "workspace.group.meetings": undefined;
    "workspace.group.reporting": undefined;
    "workspace.group.account": undefined;
    "workspace.link.proposals": undefined;
    "workspace.link.proposals.hint": undefined;
    "workspace.link.decisions": undefined;
    "workspace.link.decisions.hint": undefined;
    "workspace.link.cities": undefined;
    "workspace.link.cities.hint": undefined;
    "workspace.link.meetings": undefined;
    "workspace.link.meetings.hint": undefined;
    "workspace.link.delegations": undefined;
    "workspace.link.delegations.hint": undefined;
    "workspace.link.hostPlans": undefined;
    "workspace.link.hostPlans.hint": undefined;
    "workspace.link.hostPlanTemplate": undefined;
    "workspace.link.hostPlanTemplate.hint": undefined;
    "workspace.link.collaborations": undefined;
    "workspace.link.collaborations.hint": undefined;
    "workspace.link.exchanges": undefined;
    "workspace.link.exchanges.hint": undefined;
    "workspace.link.review": undefined;
    "workspace.link.review.hint": undefined;
    "workspace.link.campaigns": undefined;
    "workspace.link.campaigns.hint": undefined;
    "workspace.link.import": undefined;
    "workspace.link.import.hint": undefined;
    "workspace.link.areas": undefined;
    "workspace.link.areas.hint": undefined;
    "workspace.link.knowledge": undefined;
    "workspace.link.knowledge.hint": undefined;
    "workspace.link.account": undefined;
    "workspace.link.account.hint": undefined;
    "workspace.link.admin": undefined;
    "workspace.link.admin.hint": undefined;
  }
}
export {};
