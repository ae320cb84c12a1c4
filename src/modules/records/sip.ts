import { createHash } from 'node:crypto';
import type { ZipEntry } from './zip.ts';

/**
 * An E-ARK SIP (CSIP 2.x, SIP 2.x) of records, as files: `METS.xml` at the root,
 * `metadata/descriptive/` (a Dublin Core record of the package and one of each record),
 * `metadata/preservation/premis.xml` (PREMIS 3: every file with its fixity, the export
 * event, the agents) and `representations/rep1/data/` with the records' files. Every file
 * the METS names carries its SHA-256, size, media type and creation time.
 */

export interface SipFile {
  /** The path below `representations/rep1/data/`. */
  path: string;
  data: Buffer;
  mimetype: string;
  /** When the file was made (an ISO instant). */
  created: string;
}

export interface SipRecord {
  kind: 'decision' | 'report' | 'document';
  id: string;
  caseNumber: string | null;
  date: string;
  title: string;
  secret: boolean;
  secrecyGround: string | null;
  classification: string | null;
  /** The class's label in the plan, e.g. "1.4.2 Internationellt samarbete – vänorter". */
  classLabel: string;
  files: SipFile[];
}

export interface SipPackage {
  /** OBJID: a UUID. */
  id: string;
  /** What the package holds, e.g. "Ärende SLK-2026-00123" or "Period 2026-01-01–2026-06-30". */
  label: string;
  /** The case number of a case's package. */
  caseNumber: string | null;
  createdAt: string;
  /** Who made it: the person (their account's label) and the software. */
  exportedBy: string;
  software: { name: string; version: string };
  /** The archive creator (arkivbildare). */
  organisation: string;
  records: SipRecord[];
}

export const CSIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
const DATA = 'representations/rep1/data/';

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 does not allow most C0 characters even escaped; the forms refuse them anyway.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A file name safe in any file system and archive: letters, digits, dot, dash, underscore. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-100);
  return cleaned || 'file';
}

/** xs:ID values: letters, digits, dash, underscore, dot; never starting with a digit. */
const xmlId = (prefix: string, value: string) =>
  `${prefix}-${value.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

function dublinCore(fields: [string, string | null | undefined][]): string {
  const lines = fields
    .filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '')
    .map(([name, value]) => `  <dc:${name}>${xml(value)}</dc:${name}>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
${lines.join('\n')}
</oai_dc:dc>
`;
}

const KIND_TYPE = { decision: 'Beslut', report: 'Rapport', document: 'Mötesdokument' } as const;

function recordDc(pkg: SipPackage, r: SipRecord): string {
  return dublinCore([
    ['identifier', r.caseNumber],
    ['identifier', `urn:uuid:${r.id}`],
    ['title', r.title],
    ['type', KIND_TYPE[r.kind]],
    ['date', r.date],
    ['creator', pkg.organisation],
    ['subject', r.classLabel],
    ['rights', r.secret ? `Sekretess: ${r.secrecyGround ?? ''}` : 'Offentlig'],
    ['language', 'sv'],
  ]);
}

function packageDc(pkg: SipPackage): string {
  const dates = pkg.records.map((r) => r.date).sort();
  const classes = [...new Set(pkg.records.map((r) => r.classLabel).filter(Boolean))];
  const secret = pkg.records.filter((r) => r.secret).length;
  return dublinCore([
    ['identifier', pkg.caseNumber],
    ['identifier', `urn:uuid:${pkg.id}`],
    ['title', pkg.label],
    ['creator', pkg.organisation],
    ['date', dates.length ? `${dates[0]}/${dates[dates.length - 1]}` : null],
    ...classes.map((c): [string, string] => ['subject', c]),
    [
      'description',
      `${pkg.records.length} handlingar: ${pkg.records.filter((r) => r.kind === 'decision').length} beslut, ${pkg.records.filter((r) => r.kind === 'report').length} rapporter, ${pkg.records.filter((r) => r.kind === 'document').length} mötesdokument.`,
    ],
    [
      'rights',
      secret
        ? `${secret} av handlingarna omfattas av sekretess.`
        : 'Alla handlingar är offentliga.',
    ],
    ['language', 'sv'],
  ]);
}

/** An agent of the export's creation event: the software that ran it, the person who asked. */
interface Agent {
  id: string;
  role: string;
  type: string;
  name: string;
  version?: string;
}

/** The event's link to one of its agents. */
const agentLink = (a: Agent) => `    <premis:linkingAgentIdentifier>
      <premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>
      <premis:linkingAgentIdentifierValue>${a.id}</premis:linkingAgentIdentifierValue>
      <premis:linkingAgentRole>${a.role}</premis:linkingAgentRole>
    </premis:linkingAgentIdentifier>`;

/** An agent's own description. */
function agent(a: Agent): string {
  const version =
    a.version === undefined
      ? ''
      : `\n    <premis:agentVersion>${xml(a.version)}</premis:agentVersion>`;
  return `  <premis:agent>
    <premis:agentIdentifier>
      <premis:agentIdentifierType>local</premis:agentIdentifierType>
      <premis:agentIdentifierValue>${a.id}</premis:agentIdentifierValue>
    </premis:agentIdentifier>
    <premis:agentName>${xml(a.name)}</premis:agentName>
    <premis:agentType>${a.type}</premis:agentType>${version}
  </premis:agent>`;
}

function premis(pkg: SipPackage, files: { path: string; file: SipFile; digest: string }[]): string {
  const agents: Agent[] = [
    {
      id: 'software',
      role: 'executing program',
      type: 'software',
      name: pkg.software.name,
      version: pkg.software.version,
    },
    { id: 'exporter', role: 'implementer', type: 'person', name: pkg.exportedBy },
  ];
  const objects = files
    .map(
      (f) => `  <premis:object xsi:type="premis:file">
    <premis:objectIdentifier>
      <premis:objectIdentifierType>local</premis:objectIdentifierType>
      <premis:objectIdentifierValue>${xml(f.path)}</premis:objectIdentifierValue>
    </premis:objectIdentifier>
    <premis:objectCharacteristics>
      <premis:compositionLevel>0</premis:compositionLevel>
      <premis:fixity>
        <premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>
        <premis:messageDigest>${f.digest}</premis:messageDigest>
        <premis:messageDigestOriginator>${xml(pkg.software.name)}</premis:messageDigestOriginator>
      </premis:fixity>
      <premis:size>${f.file.data.length}</premis:size>
      <premis:format>
        <premis:formatDesignation>
          <premis:formatName>${xml(f.file.mimetype)}</premis:formatName>
        </premis:formatDesignation>
      </premis:format>
    </premis:objectCharacteristics>
    <premis:originalName>${xml(f.file.path)}</premis:originalName>
  </premis:object>`,
    )
    .join('\n');
  const links = files
    .map(
      (f) => `    <premis:linkingObjectIdentifier>
      <premis:linkingObjectIdentifierType>local</premis:linkingObjectIdentifierType>
      <premis:linkingObjectIdentifierValue>${xml(f.path)}</premis:linkingObjectIdentifierValue>
    </premis:linkingObjectIdentifier>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<premis:premis xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0">
${objects}
  <premis:event>
    <premis:eventIdentifier>
      <premis:eventIdentifierType>UUID</premis:eventIdentifierType>
      <premis:eventIdentifierValue>${pkg.id}</premis:eventIdentifierValue>
    </premis:eventIdentifier>
    <premis:eventType>creation</premis:eventType>
    <premis:eventDateTime>${pkg.createdAt}</premis:eventDateTime>
    <premis:eventDetailInformation>
      <premis:eventDetail>${xml(`E-ARK SIP export: ${pkg.label}`)}</premis:eventDetail>
    </premis:eventDetailInformation>
    <premis:eventOutcomeInformation>
      <premis:eventOutcome>success</premis:eventOutcome>
    </premis:eventOutcomeInformation>
${agents.map(agentLink).join('\n')}
${links}
  </premis:event>
${agents.map(agent).join('\n')}
</premis:premis>
`;
}

interface Described {
  path: string;
  data: Buffer;
  mimetype: string;
  created: string;
  digest: string;
}

const describe = (path: string, data: Buffer, mimetype: string, created: string): Described => ({
  path,
  data,
  mimetype,
  created,
  digest: sha256(data),
});

/** The attributes CSIP asks of a file or metadata reference. */
const fileAttributes = (f: Described) =>
  `MIMETYPE="${xml(f.mimetype)}" SIZE="${f.data.length}" CREATED="${f.created}" CHECKSUM="${f.digest}" CHECKSUMTYPE="SHA-256"`;

const flocat = (tag: 'FLocat' | 'mdRef', href: string, extra = '') =>
  `<mets:${tag} LOCTYPE="URL" xlink:type="simple" xlink:href="${xml(href)}"${extra}`;

/** The package's files, METS.xml first. */
export function buildSip(pkg: SipPackage): ZipEntry[] {
  const at = pkg.createdAt;
  const recordFiles = pkg.records.map((r) => ({
    record: r,
    files: r.files.map((f) => ({
      ...describe(`${DATA}${f.path}`, f.data, f.mimetype, f.created),
      file: f,
    })),
  }));
  const allFiles = recordFiles.flatMap((r) => r.files);
  const packageDcFile = describe(
    'metadata/descriptive/dc.xml',
    Buffer.from(packageDc(pkg)),
    'text/xml',
    at,
  );
  const recordDcFiles = pkg.records.map((r) =>
    describe(
      `metadata/descriptive/${r.kind}-${safeName(r.id)}.xml`,
      Buffer.from(recordDc(pkg, r)),
      'text/xml',
      at,
    ),
  );
  const premisFile = describe(
    'metadata/preservation/premis.xml',
    Buffer.from(
      premis(
        pkg,
        allFiles.map((f) => ({ path: f.path, file: f.file, digest: f.digest })),
      ),
    ),
    'text/xml',
    at,
  );

  const dmd = (
    id: string,
    f: Described,
  ) => `  <mets:dmdSec ID="${id}" CREATED="${at}" STATUS="CURRENT">
    ${flocat('mdRef', f.path, ` MDTYPE="DC" ${fileAttributes(f)}/>`)}
  </mets:dmdSec>`;
  const dmdSecs = [
    dmd('dmd-package', packageDcFile),
    ...pkg.records.map((r, i) => dmd(xmlId('dmd', `${r.kind}-${r.id}`), recordDcFiles[i]!)),
  ].join('\n');

  const fileIds = new Map<string, string>();
  const files = allFiles
    .map((f, i) => {
      const id = `file-${String(i + 1).padStart(4, '0')}`;
      fileIds.set(f.path, id);
      return `      <mets:file ID="${id}" ${fileAttributes(f)}>
        ${flocat('FLocat', f.path, '/>')}
      </mets:file>`;
    })
    .join('\n');

  const divs = recordFiles
    .map(
      ({
        record: r,
        files: fs,
      }) => `      <mets:div ID="${xmlId('div', `${r.kind}-${r.id}`)}" LABEL="${xml(`${KIND_TYPE[r.kind]}: ${r.title}`)}" DMDID="${xmlId('dmd', `${r.kind}-${r.id}`)}">
${fs.map((f) => `        <mets:fptr FILEID="${fileIds.get(f.path)}"/>`).join('\n')}
      </mets:div>`,
    )
    .join('\n');

  const mets = `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
  xmlns:sip="https://DILCIS.eu/XML/METS/SIPExtensionMETS"
  xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd"
  OBJID="urn:uuid:${pkg.id}" LABEL="${xml(pkg.label)}" TYPE="Mixed"
  csip:CONTENTINFORMATIONTYPE="MIXED" PROFILE="${CSIP_PROFILE}">
  <mets:metsHdr CREATEDATE="${at}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
      <mets:name>${xml(pkg.software.name)}</mets:name>
      <mets:note csip:NOTETYPE="SOFTWARE VERSION">${xml(pkg.software.version)}</mets:note>
    </mets:agent>
    <mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">
      <mets:name>${xml(pkg.organisation)}</mets:name>
    </mets:agent>
    <mets:agent ROLE="OTHER" OTHERROLE="SUBMITTER" TYPE="INDIVIDUAL">
      <mets:name>${xml(pkg.exportedBy)}</mets:name>
    </mets:agent>
  </mets:metsHdr>
${dmdSecs}
  <mets:amdSec ID="amd-package">
    <mets:digiprovMD ID="digiprov-premis" CREATED="${at}" STATUS="CURRENT">
      ${flocat('mdRef', premisFile.path, ` MDTYPE="PREMIS" ${fileAttributes(premisFile)}/>`)}
    </mets:digiprovMD>
  </mets:amdSec>
  <mets:fileSec ID="filesec">
    <mets:fileGrp ID="filegrp-rep1" USE="Representations/rep1">
${files}
    </mets:fileGrp>
  </mets:fileSec>
  <mets:structMap ID="structmap" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="div-package" LABEL="urn:uuid:${pkg.id}">
      <mets:div ID="div-metadata" LABEL="Metadata" DMDID="dmd-package" ADMID="digiprov-premis"/>
      <mets:div ID="div-rep1" LABEL="Representations/rep1">
${divs}
      </mets:div>
    </mets:div>
  </mets:structMap>
</mets:mets>
`;
  const folders = [
    'metadata/',
    'metadata/descriptive/',
    'metadata/preservation/',
    'representations/',
    'representations/rep1/',
    'representations/rep1/data/',
    ...new Set(allFiles.map((f) => f.path.slice(0, f.path.lastIndexOf('/') + 1))),
  ];
  const root = `${safeName(pkg.caseNumber ?? pkg.label)}-${pkg.id.slice(0, 8)}/`;
  return [
    { name: root, data: Buffer.alloc(0) },
    { name: `${root}METS.xml`, data: Buffer.from(mets) },
    ...[...new Set(folders)].map((f) => ({ name: `${root}${f}`, data: Buffer.alloc(0) })),
    ...[packageDcFile, ...recordDcFiles, premisFile, ...allFiles].map((f) => ({
      name: `${root}${f.path}`,
      data: f.data,
    })),
  ];
}
