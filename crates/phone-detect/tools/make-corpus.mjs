// Generates ../corpus/*.txt: CRM-like text per language with labelled phone numbers and the
// distractors of issue 7. Dev-time only: `cd tools && npm ci && node make-corpus.mjs`.
//
// Markers: ⟦raw|+E164⟧ is a phone number (its E.164 comes from libphonenumber-js, max metadata,
// never from our detector); ⟪raw⟫ is a distractor (counted, never a number). Strip the markers
// to get the input text. The first line `#region XX` names the default region.
// Seeded, so a rerun gives the same files.
import { writeFileSync, mkdirSync } from 'node:fs'
import { parsePhoneNumber } from 'libphonenumber-js/max'

let seed = 0x5eed7
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (a) => a[Math.floor(rnd() * a.length)]
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1))
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('')
const pad = (n, w) => String(n).padStart(w, '0')

// National significant number shapes per region: [prefix, total NSN length].
const NSN = {
  CZ: [['60', 9], ['72', 9], ['73', 9], ['77', 9], ['79', 9], ['22', 9], ['31', 9], ['46', 9], ['54', 9], ['800', 9]],
  SK: [['90', 9], ['91', 9], ['94', 9], ['95', 9], ['2', 9], ['32', 9], ['41', 9], ['55', 9]],
  PL: [['50', 9], ['60', 9], ['69', 9], ['78', 9], ['88', 9], ['12', 9], ['22', 9], ['58', 9], ['71', 9]],
  HU: [['20', 9], ['30', 9], ['70', 9], ['1', 8], ['52', 8], ['62', 8], ['96', 8]],
  AT: [['664', 10], ['650', 10], ['676', 11], ['699', 11], ['1', 9], ['316', 10], ['512', 10]],
  DE: [['151', 11], ['160', 10], ['170', 10], ['176', 11], ['30', 10], ['40', 10], ['89', 10], ['69', 10], ['221', 10], ['711', 10]],
  GB: [['74', 10], ['75', 10], ['77', 10], ['79', 10], ['20', 10], ['121', 10], ['161', 10], ['131', 10], ['800', 10]],
  US: [['212', 10], ['415', 10], ['312', 10], ['617', 10], ['202', 10], ['305', 10], ['713', 10], ['800', 10]],
  FR: [['1', 9], ['2', 9], ['3', 9], ['4', 9], ['6', 9], ['7', 9], ['9', 9]],
  IT: [['32', 10], ['33', 10], ['34', 10], ['39', 10], ['06', 10], ['02', 10], ['011', 10], ['055', 10]],
  ES: [['6', 9], ['71', 9], ['91', 9], ['93', 9], ['95', 9], ['96', 9]],
  NL: [['6', 9], ['20', 9], ['10', 9], ['30', 9], ['70', 9], ['40', 9]],
}
const CC = { CZ: '420', SK: '421', PL: '48', HU: '36', AT: '43', DE: '49', GB: '44', US: '1', FR: '33', IT: '39', ES: '34', NL: '31' }
const FOREIGN = ['+41 44 668 18 00', '+41 79 653 32 79', '+32 2 555 12 12', '+45 32 12 34 56', '+46 8 123 456 78', '+353 1 234 5678', '+48 601 234 567', '+420 731 222 333', '+421 905 555 123', '+49 30 12345678', '+33 6 12 34 56 78', '+1 415 555 2671']

function validNumber(region) {
  for (;;) {
    const [prefix, len] = pick(NSN[region])
    const nsn = prefix + digits(len - prefix.length)
    // US: the exchange (4th digit) must be 2-9.
    const fixed = region === 'US' ? nsn.slice(0, 3) + int(2, 9) + nsn.slice(4) : nsn
    const p = parsePhoneNumber('+' + CC[region] + fixed)
    // The same calling code may belong to another country (+44 7524… is Jersey): skip those.
    if (p.isValid() && p.country === region) return p
  }
}

// Ways people write a number. Each returns the raw text or null if it does not apply.
const STYLES = [
  (p) => p.formatNational(),
  (p) => p.formatNational(),
  (p) => p.formatInternational(),
  (p) => p.formatInternational(),
  (p) => p.number,
  // `00` is the international prefix everywhere here but in NANP (011).
  (p) => (p.country !== 'US' ? p.formatInternational().replace('+', '00') : null),
  (p) => p.formatNational().replace(/[^\d]/g, ''),
  (p) => p.formatNational().replace(/ /g, '-'),
  (p) => p.formatNational().replace(/ /g, '.'),
  (p) => p.formatInternational().replace(/ /g, '\u00a0'),
  (p) => p.formatInternational().replace(/ /g, '\u202f'),
  (p) => (/^0\d/.test(p.formatNational()) ? p.formatNational().replace(' ', '/') : null),
  (p) => (/^0[1-9]/.test(p.formatNational()) && !['IT', 'HU'].includes(p.country) ? p.formatInternational().replace(' ', ' (0)') : null),
  (p) => (['CZ', 'SK'].includes(p.country) ? `(+${p.countryCallingCode}) ${p.formatNational()}` : null),
  (p) => (p.country === 'US' ? p.nationalNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1-$2-$3') : null),
  (p) => (p.country === 'US' ? p.nationalNumber.replace(/(\d{3})(\d{3})(\d{4})/, '1-$1-$2-$3') : null),
  (p) => (p.country === 'US' ? p.nationalNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1.$2.$3') : null),
  (p) => (p.country === 'FR' ? p.formatNational().replace(/ /g, '.') : null),
]

const L = {
  cs: {
    region: 'CZ', phone: ['Tel.:', 'tel.', 'Mobil:', 'mob.', 'Telefon:', 'Kontakt:', 'volejte na', 'T:', 'Fax:', 'tel. č.'],
    ext: ['linka', 'kl.'], names: ['Jan Novák', 'Petra Svobodová', 'ACME s.r.o.', 'Martin Dvořák', 'Eva Černá'],
    text: ['zavolat zpět po 14. hodině', 'poznámka od operátora', 'klient žádá nabídku', 'schůzka potvrzena'],
    order: ['Objednávka č.', 'Faktura', 'Tiket #', 'Požadavek', 'Smlouva č.', 'Variabilní symbol'],
    ids: () => pick([`IČO: ${digits(8)}`, `DIČ: CZ${digits(8)}`, `IČO ${digits(8)}`]),
    acct: () => pick([`č. ú. ${int(10, 99)}-${digits(10)}/0800`, `účet ${digits(10)}/0100`, `č.ú.: ${digits(9)}/2010`]),
    iban: 'CZ', post: () => `${int(100, 799)} ${pad(int(0, 99), 2)} ${pick(['Praha', 'Brno', 'Ostrava'])}`,
    money: () => pick([`${int(1, 999)} ${pad(int(0, 999), 3)} ${pad(int(0, 999), 3)} Kč`, `${int(1, 99)} ${pad(int(0, 999), 3)},50 Kč`, `${int(100, 999)} ${pad(int(0, 999), 3)} ${pad(int(0, 999), 3)},- Kč`, `cena ${digits(9)} CZK`]),
    birth: () => `RČ: ${pad(int(40, 99), 2)}${pick(['0', '5'])}${int(1, 9)}${pad(int(1, 28), 2)}/${digits(4)}`,
  },
  sk: {
    region: 'SK', phone: ['Tel.:', 'tel.', 'Mobil:', 'Telefón:', 'Kontakt:', 'volajte', 'T:'],
    ext: ['linka', 'kl.'], names: ['Ján Kováč', 'Zuzana Horváthová', 'Tatra a.s.', 'Peter Baláž'],
    text: ['zavolať po obede', 'klient čaká na ponuku', 'reklamácia vybavená'],
    order: ['Objednávka č.', 'Faktúra', 'Tiket #', 'Požiadavka', 'Zmluva č.'],
    ids: () => pick([`IČO: ${digits(8)}`, `DIČ: 20${digits(8)}`, `IČ DPH: SK20${digits(8)}`]),
    acct: () => `č. ú. ${digits(10)}/${pick(['0200', '0900', '1100'])}`,
    iban: 'SK', post: () => `${int(800, 999)} ${pad(int(0, 99), 2)} ${pick(['Bratislava', 'Košice'])}`,
    money: () => pick([`${int(1, 999)} ${pad(int(0, 999), 3)},00 €`, `${digits(9)} EUR`]),
    birth: () => `rodné číslo ${pad(int(40, 99), 2)}${pick(['0', '5'])}${int(1, 9)}${pad(int(1, 28), 2)}/${digits(4)}`,
  },
  pl: {
    region: 'PL', phone: ['Tel.:', 'tel.', 'Telefon:', 'Kom.:', 'Nr tel.', 'Kontakt:', 'Mobil:'],
    ext: ['wew.'], names: ['Anna Kowalska', 'Piotr Nowak', 'Polmex Sp. z o.o.'],
    text: ['oddzwonić jutro', 'klient prosi o ofertę'],
    order: ['Zamówienie nr', 'Faktura nr', 'Zgłoszenie #', 'Nr konta'],
    ids: () => pick([`NIP: ${digits(3)}-${digits(3)}-${digits(2)}-${digits(2)}`, `REGON: ${digits(9)}`, `PESEL: ${digits(11)}`, `KRS ${digits(10)}`]),
    acct: () => `rachunek ${digits(2)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)}`,
    iban: 'PL', post: () => `${pad(int(0, 99), 2)}-${digits(3)} ${pick(['Warszawa', 'Kraków'])}`,
    money: () => pick([`${int(1, 999)} ${digits(3)},00 zł`, `${digits(9)} PLN`]),
  },
  hu: {
    region: 'HU', phone: ['Tel.:', 'Telefon:', 'Mobil:', 'Tel:'], ext: ['mellék'],
    names: ['Nagy Péter', 'Kiss Anna', 'Hungaro Kft.'], text: ['visszahívás kérve', 'ajánlatot kér'],
    order: ['Rendelés', 'Számla', 'Ügyszám #'],
    ids: () => pick([`Adószám: ${digits(8)}-${int(1, 5)}-${digits(2)}`, `Cégjegyzékszám: ${digits(2)}-${digits(2)}-${digits(6)}`, `TAJ ${digits(3)} ${digits(3)} ${digits(3)}`]),
    acct: () => `számlaszám ${digits(8)}-${digits(8)}-${digits(8)}`,
    iban: 'HU', post: () => `${int(1011, 9999)} ${pick(['Budapest', 'Debrecen'])}`,
    money: () => pick([`${int(1, 999)} ${digits(3)} ${digits(3)} Ft`, `${digits(9)} HUF`]),
  },
  de: {
    region: 'DE', phone: ['Tel.:', 'Telefon:', 'Mobil:', 'Handy:', 'Fax:', 'Rufnummer', 'Tel'], ext: ['Durchwahl', 'Dw.'],
    names: ['Hans Müller', 'Julia Schmidt', 'Beispiel GmbH', 'Klaus Weber'], text: ['bitte zurückrufen', 'Kunde wünscht Angebot'],
    order: ['Bestellnummer', 'Rechnung Nr.', 'Auftrag', 'Kundennummer', 'Vorgang #'],
    ids: () => pick([`USt-IdNr.: DE${digits(9)}`, `HRB ${digits(6)}`, `Steuernummer ${digits(3)}/${digits(3)}/${digits(5)}`]),
    acct: () => `Kontonummer ${digits(10)}, BLZ ${digits(8)}`,
    iban: 'DE', post: () => `${pad(int(1067, 99998), 5)} ${pick(['Berlin', 'München', 'Dresden'])}`,
    money: () => pick([`${int(1, 999)}.${digits(3)},00 €`, `EUR ${int(1, 999)}.${digits(3)}.${digits(3)}`, `${digits(10)} EUR`]),
  },
  at: {
    region: 'AT', phone: ['Tel.:', 'Telefon:', 'Mobil:', 'Tel'], ext: ['Dw.', 'Durchwahl'],
    names: ['Anna Huber', 'Wien Energie GmbH', 'Franz Gruber'], text: ['Rückruf erbeten', 'Angebot gesendet'],
    order: ['Bestellung', 'Rechnung Nr.', 'Auftrag'],
    ids: () => pick([`UID: ATU${digits(8)}`, `FN ${digits(6)}a`]),
    acct: () => `Konto ${digits(11)}`,
    iban: 'AT', post: () => `${int(1010, 9999)} ${pick(['Wien', 'Graz', 'Linz'])}`,
    money: () => `€ ${int(1, 999)}.${digits(3)},${digits(2)}`,
  },
  'en-gb': {
    region: 'GB', phone: ['Tel:', 'Phone:', 'Mobile:', 'Call', 'Fax:', 'M:'], ext: ['ext.', 'x'],
    names: ['John Smith', 'Acme Ltd', 'Sarah Jones'], text: ['call back after lunch', 'asked for a quote'],
    order: ['Order no.', 'Invoice', 'Ticket #', 'Case', 'Account'],
    ids: () => pick([`Company No. ${digits(8)}`, `VAT: GB${digits(9)}`, `NI number QQ ${digits(2)} ${digits(2)} ${digits(2)} C`]),
    acct: () => `sort code ${digits(2)}-${digits(2)}-${digits(2)}, account ${digits(8)}`,
    iban: 'GB', post: () => pick(['SW1A 1AA', 'EC1A 1BB', 'M1 1AE']) + ' London',
    money: () => pick([`£${int(1, 999)},${digits(3)}.${digits(2)}`, `GBP ${digits(9)}`]),
  },
  'en-us': {
    region: 'US', phone: ['Phone:', 'Tel:', 'Cell:', 'Call', 'Fax:', 'Mobile:'], ext: ['ext.', 'x'],
    names: ['Mike Brown', 'Acme Inc.', 'Linda Miller'], text: ['left voicemail', 'wants a demo'],
    order: ['Order #', 'Invoice', 'Ticket #', 'Case', 'Tracking'],
    ids: () => pick([`EIN ${digits(2)}-${digits(7)}`, `SSN ${digits(3)}-${digits(2)}-${digits(4)}`, `Account ${digits(10)}`]),
    acct: () => `routing ${digits(9)}, account ${digits(10)}`,
    iban: null, post: () => `NY ${digits(5)}-${digits(4)}`,
    money: () => pick([`$${int(1, 999)},${digits(3)},${digits(3)}.${digits(2)}`, `USD ${digits(10)}`]),
  },
  fr: {
    region: 'FR', phone: ['Tél. :', 'Tél :', 'Portable :', 'Mobile :', 'Fax :', 'Appelez le'], ext: ['poste'],
    names: ['Marie Dubois', 'Société Exemple SARL', 'Pierre Martin'], text: ['rappeler demain', 'demande de devis'],
    order: ['Commande n°', 'Facture', 'Dossier', 'Colis'],
    ids: () => pick([`SIRET : ${digits(3)} ${digits(3)} ${digits(3)} ${digits(5)}`, `SIREN ${digits(3)} ${digits(3)} ${digits(3)}`, `TVA FR${digits(11)}`]),
    acct: () => `RIB ${digits(5)} ${digits(5)} ${digits(11)} ${digits(2)}`,
    iban: 'FR', post: () => `${pad(int(1000, 95999), 5)} ${pick(['Paris', 'Lyon'])}`,
    money: () => pick([`${int(1, 999)} ${digits(3)},00 €`, `${digits(10)} EUR`]),
  },
  it: {
    region: 'IT', phone: ['Tel.:', 'Telefono:', 'Cell.:', 'Cellulare:', 'Fax:'], ext: ['int.'],
    names: ['Mario Rossi', 'Esempio S.r.l.', 'Giulia Bianchi'], text: ['richiamare domani', 'chiede un preventivo'],
    order: ['Ordine n.', 'Fattura', 'Pratica #'],
    ids: () => pick([`P.IVA ${pad(digits(11), 11)}`, `Codice fiscale RSSMRA85T10A562S`, `P. IVA: 0${digits(10)}`]),
    acct: () => `conto ${digits(12)}`,
    iban: 'IT', post: () => `${pad(int(10, 98168), 5)} ${pick(['Roma', 'Milano'])}`,
    money: () => pick([`€ ${int(1, 999)}.${digits(3)},00`, `importo ${digits(10)} EUR`]),
  },
  es: {
    region: 'ES', phone: ['Tel.:', 'Teléfono:', 'Móvil:', 'Llame al'], ext: ['ext.'],
    names: ['Juan García', 'Ejemplo S.L.', 'Lucía Fernández'], text: ['llamar mañana', 'pide presupuesto'],
    order: ['Pedido n.º', 'Factura', 'Ticket #'],
    ids: () => pick([`CIF: B${digits(8)}`, `NIF ${digits(8)}Z`, `DNI ${digits(8)}-X`]),
    acct: () => `cuenta ${digits(4)} ${digits(4)} ${digits(2)} ${digits(10)}`,
    iban: 'ES', post: () => `${pad(int(1001, 52999), 5)} ${pick(['Madrid', 'Sevilla'])}`,
    money: () => pick([`${int(1, 999)}.${digits(3)},00 €`, `${digits(9)} EUR`]),
  },
  nl: {
    region: 'NL', phone: ['Tel.:', 'Telefoon:', 'Mobiel:', 'Bel', 'Fax:'], ext: ['toestel'],
    names: ['Jan de Vries', 'Voorbeeld B.V.', 'Sanne Jansen'], text: ['terugbellen morgen', 'wil een offerte'],
    order: ['Bestelling', 'Factuur', 'Ticket #'],
    ids: () => pick([`KvK ${digits(8)}`, `BTW NL${digits(9)}B01`, `BSN ${digits(9)}`]),
    acct: () => `rekening ${digits(10)}`,
    iban: 'NL', post: () => `${int(1000, 9999)} ${pick(['AB', 'XY'])} Amsterdam`,
    money: () => pick([`€ ${int(1, 999)}.${digits(3)},00`, `bedrag ${digits(9)} EUR`]),
  },
}

function iban(cc) {
  const body = { CZ: 20, SK: 20, PL: 24, HU: 24, DE: 18, AT: 16, GB: 18, FR: 23, IT: 23, ES: 20, NL: 14 }[cc]
  let raw = cc + pad(int(2, 98), 2) + (cc === 'GB' ? 'NWBK' : cc === 'NL' ? 'ABNA' : cc === 'IT' ? 'X' : '') + digits(body - (cc === 'IT' ? 1 : 0))
  return raw.replace(/(.{4})/g, '$1 ').trim()
}

const uuid = () => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('')).join('-')

function distractor(lang) {
  const d = L[lang]
  const y = int(2019, 2026), m = int(1, 12), day = int(1, 28)
  const kinds = [
    () => `${day}.${m}.${y}`, () => `${pad(day, 2)}.${pad(m, 2)}.${y}`, () => `${day}. ${m}. ${y}`,
    () => `${y}-${pad(m, 2)}-${pad(day, 2)}`, () => `${pad(m, 2)}/${pad(day, 2)}/${y}`, () => `${pad(day, 2)}/${pad(m, 2)}/${y}`,
    () => `${pad(day, 2)}-${pad(m, 2)}-${y}`, () => `${pad(day, 2)}.${pad(m, 2)}.${String(y).slice(2)}`,
    () => `${pad(day, 2)}.${pad(m, 2)}.${y} ${pad(int(7, 18), 2)}:${pad(int(0, 59), 2)}`,
    () => `${y}-${pad(m, 2)}-${pad(day, 2)}T${pad(int(7, 18), 2)}:${pad(int(0, 59), 2)}:00`,
    () => `${pad(day, 2)}.${pad(m, 2)}.${y}–${pad(day + 1, 2)}.${pad(m, 2)}.${y}`,
    () => `${pad(int(7, 18), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}`,
    d.money, d.money, d.money, d.ids, d.ids, d.ids, d.acct, d.post,
    () => `${pick(d.order)} ${digits(9)}`, () => `${pick(d.order)} ${int(1, 9)}${digits(8)}`, () => `${pick(d.order)} ${int(2, 9)}${digits(9)}`,
    () => `#${int(1, 9)}${digits(8)}`, () => `${pick(d.order)} 0${digits(9)}`,
    () => uuid(), () => `0x${uuid().slice(0, 8)}`, () => `commit ${uuid().replace(/-/g, '').slice(0, 12)}`,
    () => `${int(10, 192)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`, () => `${int(10, 192)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}:${int(1024, 9999)}`,
    () => `v${int(1, 19)}.${int(0, 30)}.${int(0, 99)}`, () => `${int(10, 11)}.0.${digits(5)}.${digits(4)}`,
    () => `${pick(['4111', '5500', '4012'])} ${digits(4)} ${digits(4)} ${digits(4)}`, () => `${pick(['4111', '5500'])}-${digits(4)}-${digits(4)}-${digits(4)}`,
    () => `${digits(9)} ${pick(['ks', 'pcs', 'kg', '%'])}`,
  ]
  if (d.iban) kinds.push(() => `IBAN ${iban(d.iban)}`, () => iban(d.iban))
  if (d.birth) kinds.push(d.birth, () => `${pad(int(40, 99), 2)}${pick(['0', '5'])}${int(1, 9)}${pad(int(1, 28), 2)}/${digits(4)}`)
  return pick(kinds)()
}

function positive(lang) {
  const d = L[lang]
  if (rnd() < 0.08) {
    const raw = pick(FOREIGN)
    return `⟦${raw}|${parsePhoneNumber(raw).number}⟧`
  }
  const p = validNumber(d.region)
  let raw = null
  while (!raw) raw = pick(STYLES)(p)
  const ext = rnd() < 0.08 ? ` ${pick(d.ext)} ${int(10, 999)}` : ''
  return `⟦${raw}${ext}|${p.number}⟧`
}

function line(lang) {
  const d = L[lang]
  const parts = [pick(d.names)]
  const np = rnd() < 0.6 ? 1 : 2
  for (let i = 0; i < np; i++) parts.push(rnd() < 0.75 ? `${pick(d.phone)} ${positive(lang)}` : positive(lang))
  const nd = int(1, 2)
  for (let i = 0; i < nd; i++) parts.push(`⟪${distractor(lang)}⟫`)
  if (rnd() < 0.4) parts.push(pick(d.text))
  const head = parts.shift()
  for (let i = parts.length - 1; i > 0; i--) {
    const j = int(0, i)
    ;[parts[i], parts[j]] = [parts[j], parts[i]]
  }
  return `${head} | ${parts.join(pick([', ', '; ', ' | ', '\n  ']))}`
}

mkdirSync(new URL('../corpus/', import.meta.url), { recursive: true })
let pos = 0, neg = 0
for (const lang of Object.keys(L)) {
  const lines = [`#region ${L[lang].region}`]
  for (let i = 0; i < 28; i++) lines.push(line(lang))
  const text = lines.join('\n') + '\n'
  pos += (text.match(/⟦/g) || []).length
  neg += (text.match(/⟪/g) || []).length
  writeFileSync(new URL(`../corpus/${lang}.txt`, import.meta.url), text)
}
console.log(`corpus: ${pos} positives, ${neg} distractors`)
