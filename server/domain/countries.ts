// Matching a visitor's country (free text from the form, or the browser's autofill in its own
// language: "Germany", "DE", "germany ", "Deutschland", "德国") against a rule's list of ISO
// codes, country names or region names.

/**
 * The regions a rule or a rep may name, by name: none is two letters but `EU`, which ISO
 * reserves for the European Union, so that any other two letters are a country's code. North
 * America was `NA` until migration 0016, which is Namibia's code; a list may no longer say `NA`
 * (contract/routing.ts `notNA`).
 */
const REGIONS: Record<string, string[]> = {
  EU: [
    'AT',
    'BE',
    'BG',
    'HR',
    'CY',
    'CZ',
    'DK',
    'EE',
    'FI',
    'FR',
    'DE',
    'GR',
    'HU',
    'IE',
    'IT',
    'LV',
    'LT',
    'LU',
    'MT',
    'NL',
    'PL',
    'PT',
    'RO',
    'SK',
    'SI',
    'ES',
    'SE',
  ],
  EUROPE: [
    'AL',
    'AD',
    'AT',
    'BY',
    'BE',
    'BA',
    'BG',
    'HR',
    'CY',
    'CZ',
    'DK',
    'EE',
    'FI',
    'FR',
    'DE',
    'GR',
    'HU',
    'IS',
    'IE',
    'IT',
    'XK',
    'LV',
    'LI',
    'LT',
    'LU',
    'MT',
    'MD',
    'MC',
    'ME',
    'NL',
    'MK',
    'NO',
    'PL',
    'PT',
    'RO',
    'RU',
    'SM',
    'RS',
    'SK',
    'SI',
    'ES',
    'SE',
    'CH',
    'UA',
    'GB',
    'VA',
  ],
  'NORTH AMERICA': ['US', 'CA', 'MX'],
  LATAM: [
    'AR',
    'BO',
    'BR',
    'CL',
    'CO',
    'CR',
    'CU',
    'DO',
    'EC',
    'SV',
    'GT',
    'HN',
    'MX',
    'NI',
    'PA',
    'PY',
    'PE',
    'PR',
    'UY',
    'VE',
  ],
  MENA: [
    'DZ',
    'BH',
    'EG',
    'IR',
    'IQ',
    'IL',
    'JO',
    'KW',
    'LB',
    'LY',
    'MA',
    'OM',
    'PS',
    'QA',
    'SA',
    'SY',
    'TN',
    'AE',
    'YE',
    'TR',
  ],
  APAC: [
    'AU',
    'BD',
    'BN',
    'KH',
    'CN',
    'FJ',
    'HK',
    'IN',
    'ID',
    'JP',
    'KR',
    'LA',
    'MO',
    'MY',
    'MN',
    'MM',
    'NP',
    'NZ',
    'PK',
    'PG',
    'PH',
    'SG',
    'LK',
    'TW',
    'TH',
    'VN',
  ],
  AFRICA: [
    'DZ',
    'AO',
    'BJ',
    'BW',
    'CM',
    'CI',
    'CD',
    'EG',
    'ET',
    'GH',
    'KE',
    'LY',
    'MG',
    'MW',
    'ML',
    'MA',
    'MZ',
    'NA',
    'NG',
    'RW',
    'SN',
    'ZA',
    'SD',
    'TZ',
    'TN',
    'UG',
    'ZM',
    'ZW',
  ],
  GCC: ['BH', 'KW', 'OM', 'QA', 'SA', 'AE'],
};

// The widget's languages: a browser fills in the country in the visitor's.
const LANGUAGES = ['en', 'zh', 'es', 'fr', 'de', 'ru', 'pt', 'ar', 'ja', 'ko', 'it', 'tr'];

// Names people write that Intl does not give (it says "Türkiye", "Czechia", "Hong Kong SAR
// China"), by ISO code.
const ALIASES: Record<string, string[]> = {
  US: ['USA', 'United States of America', 'America'],
  GB: ['UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  HK: ['Hong Kong'],
  MO: ['Macau', 'Macao'],
  TR: ['Turkey'],
  CZ: ['Czech Republic'],
  KR: ['Korea', 'Republic of Korea'],
  KP: ['Democratic People’s Republic of Korea'],
  RU: ['Russian Federation'],
  VN: ['Viet Nam'],
  AE: ['UAE', 'Emirates'],
  NL: ['Holland'],
  CI: ['Ivory Coast'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  MK: ['Macedonia'],
  CV: ['Cape Verde'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo'],
  CG: ['Republic of the Congo'],
  PS: ['Palestine'],
};

// One spelling for comparing: no accents, case, dots ("U.S.A."), leading "the", "&" as "and".
const normal = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[\s,()-]+/g, ' ')
    .trim()
    .replace(/^the /, '');

let byName: Map<string, string> | null = null;

// Every region code Intl names, by each of its names in LANGUAGES (English first: the first
// code given a name keeps it) and its ALIASES; retired codes stand for the codes replacing them.
function namesOfCodes(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normal(name);
    if (key && !map.has(key)) map.set(key, code);
  };
  for (const [code, aliases] of Object.entries(ALIASES)) for (const a of aliases) add(a, code);
  for (const language of LANGUAGES) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    for (let first = 65; first <= 90; first++) {
      for (let second = 65; second <= 90; second++) {
        const code = String.fromCharCode(first, second);
        // A retired code (DD, East Germany, named "Germany") gives its name to today's (DE).
        const today = Intl.getCanonicalLocales(`und-${code}`)[0]?.slice(4) ?? code;
        const name = names.of(code);
        if (name && name !== code) add(name, today);
      }
    }
  }
  return map;
}

/** The ISO code a country is written as ("Deutschland", "de", "U.S.A."), or null. */
export function countryCode(text: string): string | null {
  const key = normal(text);
  byName ??= namesOfCodes();
  const named = byName.get(key);
  if (named) return named;
  return /^[a-z]{2}$/.test(key) ? key.toUpperCase() : null;
}

/** Whether the visitor's country is one of `entries` (codes, country names, or region names). */
export function countryMatches(
  visitor: string | null | undefined,
  entries: readonly string[],
): boolean {
  if (!visitor?.trim()) return false;
  const code = countryCode(visitor);
  return entries.some((entry) => {
    const region = REGIONS[normal(entry).replace(/_/g, ' ').toUpperCase()];
    if (region) return code !== null && region.includes(code);
    const wanted = countryCode(entry);
    return wanted !== null ? wanted === code : normal(entry) === normal(visitor);
  });
}
