import type { Messages } from '../../platform/i18n/catalogue.ts';
/** Texts of the coordinators' city facts pages (merged into the catalogs in platform/i18n). */
export const cityFactsSv = {
  'nav.workspace.cities': 'Ortfakta',
  'workspace.cities.title': 'Ortfakta',
  'workspace.cities.lead':
    'Här håller Stadsledningskontoret uppgifterna om orterna aktuella: namn och beskrivningar på kedjans språk, region, koordinater, folkmängd, webbplats och kontakt. Ortens slag och status går inte att ändra här: de ändras bara genom ett beslut i kommunfullmäktige eller kommunstyrelsen.',
  'workspace.cities.caption': 'Orter i registret',
  'workspace.cities.col.name': 'Ort',
  'workspace.cities.col.kind': 'Slag',
  'workspace.cities.col.status': 'Status',
  'workspace.cities.col.updated': 'Senast ändrad',
  'workspace.cities.edit': 'Ändra uppgifter',
  'workspace.cities.editTitle': 'Ändra uppgifter om {city}',
  'workspace.cities.back': 'Tillbaka till ortfakta',
  'workspace.cities.statusNote':
    'Status: {status}. Slag: {kind}. Status och slag ändras bara genom ett beslut (förslag till fullmäktige).',
  'workspace.cities.names': 'Namn och beskrivning per språk',
  'workspace.cities.namesHint':
    'Svenska krävs. Saknas ett annat språk visas den svenska texten, märkt som svenska.',
  'workspace.cities.field.name': 'Namn på {language}',
  'workspace.cities.field.description': 'Beskrivning på {language}',
  'workspace.cities.facts': 'Fakta',
  'workspace.cities.field.countryCode': 'Landskod',
  'workspace.cities.field.countryCodeHint': 'Två bokstäver, till exempel NO för Norge',
  'workspace.cities.field.region': 'Region',
  'workspace.cities.field.latitude': 'Latitud',
  'workspace.cities.field.longitude': 'Longitud',
  'workspace.cities.field.coordinateHint': 'Decimalgrader, till exempel 60,3913',
  'workspace.cities.field.population': 'Folkmängd',
  'workspace.cities.field.website': 'Webbplats',
  'workspace.cities.field.websiteHint': 'Hela adressen, till exempel https://www.bergen.kommune.no',
  'workspace.cities.contact': 'Kontakt',
  'workspace.cities.field.contactName': 'Kontaktperson eller funktion',
  'workspace.cities.field.contactEmail': 'E-postadress till kontakten',
  'workspace.cities.save': 'Spara uppgifterna',
  'flash.cityFactsSaved': 'Uppgifterna om {city} är sparade.',
  'flash.cityFactsUnchanged': 'Inget ändrades: uppgifterna om {city} var redan desamma.',
  'city.contact': 'Kontakt',

  'cityFacts.nameSvRequired': 'Ange ortens namn på svenska (högst 120 tecken)',
  'cityFacts.nameTooLong': 'Namnet får vara högst 120 tecken',
  'cityFacts.nameForDescription': 'Ange namnet på det här språket när du skriver en beskrivning',
  'cityFacts.descriptionTooLong': 'Beskrivningen får vara högst 2 000 tecken',
  'cityFacts.countryInvalid': 'Ange landskoden med två bokstäver, till exempel NO för Norge',
  'cityFacts.regionTooLong': 'Regionen får vara högst 120 tecken',
  'cityFacts.latitudeInvalid': 'Ange latituden i decimalgrader mellan −90 och 90',
  'cityFacts.longitudeInvalid': 'Ange longituden i decimalgrader mellan −180 och 180',
  'cityFacts.coordinatesBoth': 'Ange både latitud och longitud, eller ingen av dem',
  'cityFacts.populationInvalid':
    'Ange folkmängden som ett heltal, till exempel 291 940, eller lämna fältet tomt',
  'cityFacts.websiteInvalid':
    'Ange webbplatsens hela adress som börjar med https://, till exempel https://www.aarhus.dk',
  'cityFacts.contactNameTooLong': 'Kontakten får vara högst 200 tecken',
  'cityFacts.contactEmailInvalid':
    'Ange en e-postadress i rätt format, till exempel namn@exempel.se',
};

export const cityFactsEn: Record<keyof typeof cityFactsSv, string> = {
  'nav.workspace.cities': 'City facts',
  'workspace.cities.title': 'City facts',
  'workspace.cities.lead':
    "Here the City Executive Office keeps the facts about the cities up to date: names and descriptions in the chain's languages, region, coordinates, population, website and contact. A city's kind and status cannot be changed here: only a decision of the City Council or the City Executive Board changes them.",
  'workspace.cities.caption': 'Cities in the registry',
  'workspace.cities.col.name': 'City',
  'workspace.cities.col.kind': 'Kind',
  'workspace.cities.col.status': 'Status',
  'workspace.cities.col.updated': 'Last changed',
  'workspace.cities.edit': 'Edit facts',
  'workspace.cities.editTitle': 'Edit the facts about {city}',
  'workspace.cities.back': 'Back to city facts',
  'workspace.cities.statusNote':
    'Status: {status}. Kind: {kind}. Status and kind change only through a decision (a proposal to the council).',
  'workspace.cities.names': 'Name and description per language',
  'workspace.cities.namesHint':
    'Swedish is required. Where another language is missing, the Swedish text is shown, marked as Swedish.',
  'workspace.cities.field.name': 'Name in {language}',
  'workspace.cities.field.description': 'Description in {language}',
  'workspace.cities.facts': 'Facts',
  'workspace.cities.field.countryCode': 'Country code',
  'workspace.cities.field.countryCodeHint': 'Two letters, for example NO for Norway',
  'workspace.cities.field.region': 'Region',
  'workspace.cities.field.latitude': 'Latitude',
  'workspace.cities.field.longitude': 'Longitude',
  'workspace.cities.field.coordinateHint': 'Decimal degrees, for example 60.3913',
  'workspace.cities.field.population': 'Population',
  'workspace.cities.field.website': 'Website',
  'workspace.cities.field.websiteHint':
    'The full address, for example https://www.bergen.kommune.no',
  'workspace.cities.contact': 'Contact',
  'workspace.cities.field.contactName': 'Contact person or function',
  'workspace.cities.field.contactEmail': "The contact's e-mail address",
  'workspace.cities.save': 'Save the facts',
  'flash.cityFactsSaved': 'The facts about {city} are saved.',
  'flash.cityFactsUnchanged': 'Nothing changed: the facts about {city} were already the same.',
  'city.contact': 'Contact',

  'cityFacts.nameSvRequired': "Enter the city's name in Swedish (at most 120 characters)",
  'cityFacts.nameTooLong': 'The name can be at most 120 characters',
  'cityFacts.nameForDescription': 'Enter the name in this language when you write a description',
  'cityFacts.descriptionTooLong': 'The description can be at most 2,000 characters',
  'cityFacts.countryInvalid': 'Enter the two-letter country code, for example NO for Norway',
  'cityFacts.regionTooLong': 'The region can be at most 120 characters',
  'cityFacts.latitudeInvalid': 'Enter the latitude in decimal degrees between −90 and 90',
  'cityFacts.longitudeInvalid': 'Enter the longitude in decimal degrees between −180 and 180',
  'cityFacts.coordinatesBoth': 'Enter both latitude and longitude, or neither',
  'cityFacts.populationInvalid':
    'Enter the population as a whole number, for example 291,940, or leave it empty',
  'cityFacts.websiteInvalid':
    "Enter the website's full address starting with https://, for example https://www.aarhus.dk",
  'cityFacts.contactNameTooLong': 'The contact can be at most 200 characters',
  'cityFacts.contactEmailInvalid':
    'Enter an e-mail address in the right format, like name@example.com',
};

declare module '../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends Messages<typeof cityFactsSv> {}
}
