// Generated from sv.json by `npm run i18n:types`: do not edit.
declare module '../../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue {
    "nav.workspace.cities": undefined;
    "workspace.cities.title": undefined;
    "workspace.cities.lead": undefined;
    "workspace.cities.caption": undefined;
    "workspace.cities.col.name": undefined;
    "workspace.cities.col.kind": undefined;
    "workspace.cities.col.status": undefined;
    "workspace.cities.col.updated": undefined;
    "workspace.cities.edit": undefined;
    "workspace.cities.editTitle": { city: string | number };
    "workspace.cities.back": undefined;
    "workspace.cities.statusNote": { status: string | number; kind: string | number };
    "workspace.cities.names": undefined;
    "workspace.cities.namesHint": undefined;
    "workspace.cities.field.name": { language: string | number };
    "workspace.cities.field.description": { language: string | number };
    "workspace.cities.facts": undefined;
    "workspace.cities.field.countryCode": undefined;
    "workspace.cities.field.countryCodeHint": undefined;
    "workspace.cities.field.region": undefined;
    "workspace.cities.field.latitude": undefined;
    "workspace.cities.field.longitude": undefined;
    "workspace.cities.field.coordinateHint": undefined;
    "workspace.cities.field.population": undefined;
    "workspace.cities.field.website": undefined;
    "workspace.cities.field.websiteHint": undefined;
    "workspace.cities.contact": undefined;
    "workspace.cities.field.contactName": undefined;
    "workspace.cities.field.contactEmail": undefined;
    "workspace.cities.save": undefined;
    "flash.cityFactsSaved": { city: string | number };
    "flash.cityFactsUnchanged": { city: string | number };
    "city.contact": undefined;
    "cityFacts.nameSvRequired": undefined;
    "cityFacts.nameTooLong": undefined;
    "cityFacts.nameForDescription": undefined;
    "cityFacts.descriptionTooLong": undefined;
    "cityFacts.countryInvalid": undefined;
    "cityFacts.regionTooLong": undefined;
    "cityFacts.latitudeInvalid": undefined;
    "cityFacts.longitudeInvalid": undefined;
    "cityFacts.coordinatesBoth": undefined;
    "cityFacts.populationInvalid": undefined;
    "cityFacts.websiteInvalid": undefined;
    "cityFacts.contactNameTooLong": undefined;
    "cityFacts.contactEmailInvalid": undefined;
  }
}
export {};
