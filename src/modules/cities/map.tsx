/**
 * A map of the Nordic region with the chain's cities, drawn on the server as SVG.
 *
 * This is the view: the SVG, its legend and the text alternative. The geometry (land,
 * projection, label placement) is computed in map.geometry.ts, its path data in
 * map.path.ts; nothing is fetched at run time and no script runs in the browser. The
 * site's Content-Security-Policy forbids inline styles, so the SVG is painted with
 * presentation attributes only (sizes and the text alternative use classes from the site
 * stylesheet). The same input always gives the same markup.
 */
import { drawing, FONT_SIZE, type NordicMapCity, type NordicMapCityKind } from './map.geometry.ts';

export type { NordicMapCity, NordicMapCityKind };

export interface NordicMapLabels {
  home: string;
  twin: string;
  partner: string;
  /** Legend entry for the lines between the chain's cities. */
  chain: string;
  /** Heading of the list of cities under the map. */
  list: string;
  /** Compass letters for coordinates: north, south, east, west. */
  compass: [string, string, string, string];
}

/** Texts for the languages of the chain; other languages get the Swedish ones. */
export const NORDIC_MAP_LABELS: Record<'sv' | 'en' | 'da' | 'nb' | 'fi', NordicMapLabels> = {
  sv: {
    home: 'Hemstad',
    twin: 'Vänort',
    partner: 'Partnerstad',
    chain: 'Rotationsordningen',
    list: 'Städerna på kartan',
    compass: ['N', 'S', 'Ö', 'V'],
  },
  en: {
    home: 'Home city',
    twin: 'Twin city',
    partner: 'Partner city',
    chain: 'Host rotation order',
    list: 'Cities on the map',
    compass: ['N', 'S', 'E', 'W'],
  },
  da: {
    home: 'Hjemby',
    twin: 'Venskabsby',
    partner: 'Partnerby',
    chain: 'Rækkefølgen for værtskab',
    list: 'Byerne på kortet',
    compass: ['N', 'S', 'Ø', 'V'],
  },
  nb: {
    home: 'Hjemby',
    twin: 'Vennskapsby',
    partner: 'Partnerby',
    chain: 'Rekkefølgen for vertskap',
    list: 'Byene på kartet',
    compass: ['N', 'S', 'Ø', 'V'],
  },
  fi: {
    home: 'Kotikaupunki',
    twin: 'Ystävyyskaupunki',
    partner: 'Kumppanikaupunki',
    chain: 'Isännöintijärjestys',
    list: 'Kartan kaupungit',
    compass: ['P', 'E', 'I', 'L'],
  },
};

export interface NordicMapProps {
  cities: NordicMapCity[];
  /** Short name of the map: the SVG's <title> and the visible caption. */
  title: string;
  /** What the map shows, in a sentence or two: the SVG's <desc>. */
  description: string;
  /** Width of the drawing in CSS pixels (it shrinks on narrow screens). Default 600. */
  width?: number;
  /** Height in CSS pixels; by default it follows the cities' extent. */
  height?: number;
  /** The text drawn next to a city's marker; by default its name. */
  labelFor?: (city: NordicMapCity) => string;
  /** Slugs in the chain's order: draws a line from each city to the next. */
  chainOrder?: string[];
  /** Page language (BCP 47): picks the built-in texts and the number format. Default 'sv'. */
  locale?: string;
  /** Overrides of the built-in texts. */
  labels?: Partial<NordicMapLabels>;
  /** Prefix of the element ids; give each map on a page its own. Default 'nordic-map'. */
  idPrefix?: string;
}

// ---------------------------------------------------------------------------
// Paint. Every text is black on white (21:1); markers are the site's blue (#004b89)
// with a white rim, 8:1 or more against both land and sea.

const SEA = '#dde9f4';
const LAND_FILL = '#fbfbf8';
const COAST = '#7c8a99';
const BORDER = '#9aa6b2';
const MARK = '#004b89';
const LINE = '#004b89';

// ---------------------------------------------------------------------------
// Component

function labelsFor(
  locale: string,
  overrides: Partial<NordicMapLabels> | undefined,
): NordicMapLabels {
  const language = locale.toLowerCase().split('-')[0] as keyof typeof NORDIC_MAP_LABELS;
  const base = Object.hasOwn(NORDIC_MAP_LABELS, language)
    ? NORDIC_MAP_LABELS[language]
    : NORDIC_MAP_LABELS.sv;
  return { ...base, ...overrides };
}

function formatCoordinates(city: NordicMapCity, locale: string, labels: NordicMapLabels): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  } catch {
    format = new Intl.NumberFormat('sv', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  const [n, s, e, w] = labels.compass;
  const lat = `${format.format(Math.abs(city.latitude))}°\u00a0${city.latitude < 0 ? s : n}`;
  const lon = `${format.format(Math.abs(city.longitude))}°\u00a0${city.longitude < 0 ? w : e}`;
  return `${lat}, ${lon}`;
}

function Marker({ kind, x, y }: { kind: NordicMapCityKind; x: number; y: number }) {
  if (kind === 'home') {
    return (
      <rect
        x={x - 6.5}
        y={y - 6.5}
        width="13"
        height="13"
        fill={MARK}
        stroke="#fff"
        stroke-width="2"
      />
    );
  }
  if (kind === 'partner') {
    return (
      <path
        d={`M${x} ${y - 7.5}l7.5 7.5-7.5 7.5-7.5-7.5z`}
        fill="#fff"
        stroke={MARK}
        stroke-width="3"
      />
    );
  }
  return <circle cx={x} cy={y} r="6.5" fill={MARK} stroke="#fff" stroke-width="2" />;
}

function LegendSymbol({ kind }: { kind: NordicMapCityKind | 'chain' }) {
  return (
    <svg
      class="nordic-map-symbol"
      width="22"
      height="18"
      viewBox="-11 -9 22 18"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'chain' ? (
        <path d="M-10 0h20" stroke={LINE} stroke-width="2.5" stroke-dasharray="6 3" fill="none" />
      ) : (
        <Marker kind={kind} x={0} y={0} />
      )}
    </svg>
  );
}

export function NordicMap(props: NordicMapProps) {
  const width = Math.round(props.width ?? 600);
  const locale = props.locale ?? 'sv';
  const labels = labelsFor(locale, props.labels);
  const id = props.idPrefix ?? 'nordic-map';
  const cities = props.cities.filter(
    (c) => Number.isFinite(c.latitude) && Number.isFinite(c.longitude),
  );
  const bySlug = new Map(cities.map((c) => [c.slug, c]));
  const chain = (props.chainOrder ?? [])
    .map((slug) => bySlug.get(slug))
    .filter((c): c is NordicMapCity => c !== undefined);
  const texts = cities.map((city) => (props.labelFor ? props.labelFor(city) : city.name));
  const { height, land, borders, chainPath, placed } = drawing(
    cities,
    texts,
    chain,
    width,
    props.height,
  );

  // The list follows the chain's order when there is one, otherwise the given order.
  const listed = chain.length ? [...chain, ...cities.filter((c) => !chain.includes(c))] : cities;
  const kinds = (['home', 'twin', 'partner'] as const).filter((k) =>
    cities.some((c) => c.kind === k),
  );
  const List = chain.length ? 'ol' : 'ul';

  return (
    <figure class="nordic-map" aria-labelledby={`${id}-caption`}>
      <svg
        class="nordic-map-svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        <rect width={width} height={height} fill={SEA} />
        <path
          d={land}
          fill={LAND_FILL}
          stroke={COAST}
          stroke-width="0.75"
          stroke-linejoin="round"
        />
        <path
          d={borders}
          fill="none"
          stroke={BORDER}
          stroke-width="0.75"
          stroke-dasharray="3 2"
          stroke-linejoin="round"
        />
        {chainPath ? (
          <g class="nordic-map-chain" fill="none" stroke-linejoin="round" stroke-linecap="round">
            <path d={chainPath} stroke="#fff" stroke-width="5" />
            <path d={chainPath} stroke={LINE} stroke-width="2.5" stroke-dasharray="6 3" />
          </g>
        ) : null}
        <g class="nordic-map-markers">
          {placed.map((p) => (
            <Marker key={p.slug} kind={p.kind} x={p.x} y={p.y} />
          ))}
        </g>
        <g
          class="nordic-map-labels"
          font-size={FONT_SIZE}
          font-weight="600"
          fill="#000"
          stroke="#fff"
          stroke-width="4"
          stroke-linejoin="round"
          paint-order="stroke"
        >
          {placed.map((p) => (
            <text key={p.slug} x={p.labelX} y={p.labelY} text-anchor={p.anchor} lang={p.lang}>
              {p.text}
            </text>
          ))}
        </g>
        <rect width={width} height={height} fill="none" stroke={COAST} stroke-width="1" />
      </svg>
      <figcaption class="nordic-map-caption">
        <p class="nordic-map-title" id={`${id}-caption`}>
          {props.title}
        </p>
        {kinds.length ? (
          <ul class="nordic-map-legend">
            {kinds.map((kind) => (
              <li key={kind}>
                <LegendSymbol kind={kind} /> {labels[kind]}
              </li>
            ))}
            {chainPath ? (
              <li>
                <LegendSymbol kind="chain" /> {labels.chain}
              </li>
            ) : null}
          </ul>
        ) : null}
        {listed.length ? (
          <>
            <p class="nordic-map-list-heading" id={`${id}-list`}>
              {labels.list}
            </p>
            <List class="nordic-map-cities" aria-labelledby={`${id}-list`}>
              {listed.map((city) => (
                <li key={city.slug}>
                  {city.href ? (
                    <a href={city.href} lang={city.lang}>
                      {city.name}
                    </a>
                  ) : (
                    <span lang={city.lang}>{city.name}</span>
                  )}
                  {city.country ? `, ${city.country}` : ''} ({labels[city.kind].toLowerCase()}) –{' '}
                  {formatCoordinates(city, locale, labels)}
                </li>
              ))}
            </List>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
