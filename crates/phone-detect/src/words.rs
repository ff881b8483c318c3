//! The words that tell what digits are: phone labels, other-identifier labels, units.
//! Lower case (see `text::fold`); a trailing `*` marks a stem, other entries are whole words.

/// Labels that announce a phone number. A trailing `*` marks a word stem (`telefon*` also
/// matches `telefonu`); other entries must be whole words.
#[rustfmt::skip]
pub(crate) const PHONE: &[&str] = &[
    "tel", "tel.", "tél", "tél.", "telefon*", "telefón*", "teléfono", "telefono", "telefoon",
    "phone*", "mobil*", "mobile*", "móvil", "movil", "mob", "mob.", "gsm", "fax", "cell*", "call",
    "call us", "volat*", "volejte", "zavolej*", "kontakt*", "contact*", "portable", "cellulare",
    "handy", "rufnummer", "festnetz", "durchwahl", "hotline", "infolink*", "ústředn*", "ustredn*",
    "centrál*", "sms", "whatsapp", "ph", "ph.", "t:", "m:", "f:", "tel:", "numer tel*", "számon",
    "telefonszám*", "hívj*", "llam*", "appel*", "chiam*", "bel", "bellen", "ring",
];

/// Labels that announce another identifier. `#` needs no word boundary.
#[rustfmt::skip]
pub(crate) const OTHER: &[&str] = &[
    // cs / sk
    "ičo", "ico", "ič", "dič", "dic", "ič dph", "ičdph", "č. ú.", "č.ú.", "čú", "účet", "ucet",
    "účtu", "uctu", "účtem", "bankovní spojení", "iban", "bic", "swift", "objednávk*", "objednavk*",
    "obj.", "faktur*", "doklad*", "smlouv*", "zmluv*", "var. symbol", "variabiln*", "vs", "v.s.",
    "ks", "ss", "psč", "psc", "rč", "r.č.", "rodné*", "rodne*", "tiket*", "ticket*", "požadav*",
    "požiadav*", "zásilk*", "zasilk*", "zásielk*", "sn", "s/n", "sériov*", "imei", "ean", "kód",
    "kod", "id", "ref", "ref.", "reference", "spis*", "č.j.", "čj.", "pojistk*", "poistk*", "cena",
    "ceny", "částk*", "castk*", "celkem", "suma", "datum", "dátum", "pin", "puk", "heslo",
    "reklamac*", "případ*", "pripad*", "zákaznick*", "zakaznick*", "zákazník č.", "klientsk*",
    // pl
    "nip", "regon", "krs", "pesel", "zamówieni*", "zamowieni*", "rachun*", "konto", "kwota",
    "przesyłk*", "przesylk*", "paczk*", "data", "nr konta", "zgłoszeni*", "zgloszeni*",
    // de / at
    "ust-id*", "ust.-id*", "ustid*", "uid", "steuer*", "st.-nr.", "hrb", "fn", "bestell*",
    "auftrag*", "rechnung*", "kundennr*", "kundennummer*", "kontonummer*", "blz", "plz", "betrag",
    "preis", "summe", "vorgang*", "sendung*", "vertrag*", "aktenzeichen",
    // en
    "order*", "invoice*", "inv", "inv.", "case", "account*", "acct", "vat", "tax", "ssn", "zip",
    "postcode", "tracking", "serial", "sku", "amount", "price", "total", "isbn", "policy",
    "contract", "booking", "customer id", "customer no", "ticket no",
    // fr
    "commande", "facture", "siret", "siren", "tva", "montant", "prix", "dossier", "colis",
    "code postal",
    // hu
    "adószám*", "adoszam*", "cégjegyzék*", "cegjegyzek*", "számla*", "szamla*", "rendelés*",
    "rendeles*", "irányítószám", "összeg", "taj",
    // it / es / nl
    "p.iva", "p. iva", "partita iva", "codice fiscale", "c.f.", "ordine", "fattura", "importo",
    "cif", "nif", "dni", "pedido", "factura", "importe", "cuenta", "btw", "kvk", "bsn",
    "bestelling", "factuur", "rekening", "bedrag",
];

/// Currency and unit words that, right after or before a digit run, make it an amount.
#[rustfmt::skip]
pub(crate) const UNITS_AFTER: &[&str] = &[
    "kč", "kc", "czk", "eur", "€", "usd", "$", "£", "gbp", "pln", "zł", "zl", "huf", "ft", "chf",
    "sk", "skk", ",-", ",--", ".-", "%", "‰", "ks", "pcs", "pc", "kg", "km", "m2", "m²", "cm", "mm",
    "mb", "gb", "kb", "tb", "ms", "min", "hod", "kwh", "lei", "ron", "sek", "nok", "dkk", "eura",
    "euro", "korun", "dolar*", "złotych", "forint*", "stück", "litr*", "liter*", "kus", "kusy",
    "kusů", "kusu", "stk", "szt", "db", "units", "items", "mil.", "mld", "tis.", "tisíc",
    "million*", "mio", "mrd", "bn",
];

#[rustfmt::skip]
pub(crate) const UNITS_BEFORE: &[&str] = &[
    "€", "$", "£", "eur", "czk", "usd", "gbp", "chf", "pln", "huf", "kč", "us$",
];
