//! Every string the agent sees, in English and Czech, from one table.
//!
//! The table below is the ONLY place a visible string is written. The `texts!` macro turns it
//! into the [`Text`] enum, [`Text::ALL`] and [`t`], an exhaustive match: a text without both
//! translations does not compile. Placeholders are `{name}`; fill them with [`fill`].

use serde::{Deserialize, Serialize};

use super::phone::PhoneError;

/// A language the panel speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Czech.
    Cs,
}

impl Lang {
    /// Reads `"en"`, `"cs"` or a browser tag such as `"cs-CZ"` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "cs" => Some(Lang::Cs),
            _ => None,
        }
    }

    /// The code: `"en"` or `"cs"` (also the `lang` attribute of the panel).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cs => "cs",
        }
    }
}

macro_rules! texts {
    ($( $(#[$doc:meta])* $name:ident => $en:literal, $cs:literal; )+) => {
        /// A user-visible string. Render it with [`t`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $( $(#[$doc])* $name, )+
        }

        impl Text {
            /// Every text, in declaration order.
            pub const ALL: &'static [Text] = &[$(Text::$name),+];
        }

        /// The string for `text` in `lang`.
        pub fn t(lang: Lang, text: Text) -> &'static str {
            let (en, cs) = match text {
                $( Text::$name => ($en, $cs), )+
            };
            match lang {
                Lang::En => en,
                Lang::Cs => cs,
            }
        }
    };
}

texts! {
    /// The panel's name in its header.
    ProductName => "Daktela phone", "Telefon Daktela";
    /// Connection: no session yet.
    NotConnected => "Not connected", "Nepřipojeno";
    /// Connection: logging in or reading the first state.
    Connecting => "Connecting…", "Připojování…";
    /// Connection: all well.
    Connected => "Connected", "Připojeno";
    /// Connection: lost, trying again.
    Reconnecting => "Reconnecting…", "Obnovování spojení…";
    /// Connection: when the next reconnect attempt is, after [`Text::Reconnecting`].
    NextRetry => "next try in {seconds} s", "další pokus za {seconds} s";
    /// Click-to-call failed ambiguously, but the call shows among the agent's calls.
    DialPlacedDespiteError => "Daktela's answer was lost, but the call to {number} was placed", "Odpověď Daktely se ztratila, ale hovor na {number} byl zahájen";
    /// Click-to-call failed ambiguously and no call shows: nothing was re-sent.
    DialNotConfirmed => "Daktela did not confirm the call to {number} and it is not among your calls; dial again if you still want it", "Daktela hovor na {number} nepotvrdila a mezi vašimi hovory není; pokud ho stále chcete, vytočte znovu";
    /// Connection: the browser is offline.
    Offline => "Offline: check your connection", "Offline: zkontrolujte připojení";
    /// Connection: the token was refused.
    LoginExpired => "Login expired", "Přihlášení vypršelo";
    /// Login form: user name field.
    Username => "Username", "Uživatelské jméno";
    /// Login form: password field.
    Password => "Password", "Heslo";
    /// Login form: submit.
    LogIn => "Log in", "Přihlásit se";
    /// Log out of Daktela.
    LogOut => "Log out", "Odhlásit se";
    /// Header button: fold the panel to its header.
    CollapsePanel => "Minimise the panel", "Minimalizovat panel";
    /// Header button: open the folded panel.
    ExpandPanel => "Open the panel", "Otevřít panel";
    /// Header button: move the panel to the next corner of the page.
    MovePanel => "Move the panel to the next corner", "Přesunout panel do dalšího rohu";
    /// English, named in English (in every language, so an agent can find their own).
    LanguageEnglish => "English", "English";
    /// Czech, named in Czech.
    LanguageCzech => "Čeština", "Čeština";
    /// Login form: under way.
    LoggingIn => "Logging in…", "Přihlašování…";
    /// Login form: refused.
    WrongCredentials => "Wrong username or password", "Nesprávné uživatelské jméno nebo heslo";
    /// State: in a queue, not paused.
    Ready => "Ready", "K dispozici";
    /// State: on a pause.
    Paused => "Paused", "Pauza";
    /// State: logged in to no queue.
    NotInQueue => "Not in a queue", "Mimo fronty";
    /// State: not read yet.
    StateUnknown => "State unknown", "Stav neznámý";
    /// Opens the pause reason picker.
    PausePicker => "Pause…", "Pauza…";
    /// Ends the pause.
    BackToReady => "Back to ready", "Zpět k dispozici";
    /// Pause timer; `{elapsed}` is `12:05`.
    PauseElapsed => "Paused for {elapsed}", "V pauze {elapsed}";
    /// The pause ran past its `max_duration`.
    OverAllowedTime => "Over the allowed time", "Překročena povolená doba";
    /// Heading of the queue list.
    QueuesHeading => "Queues", "Fronty";
    /// Button: log in to this queue.
    QueueLogIn => "Log in to queue", "Přihlásit do fronty";
    /// Button: log out of this queue.
    QueueLogOut => "Log out of queue", "Odhlásit z fronty";
    /// Badge on an outbound queue.
    OutboundBadge => "outbound", "odchozí";
    /// The agent's device is registered.
    PhoneOnline => "Phone online", "Telefon je připojen";
    /// The agent's device is not registered (also Daktela's "User have not available devices").
    PhoneOffline => "Your phone is offline: switch on your desk phone or softphone and try again", "Váš telefon je offline: zapněte stolní telefon nebo softphone a zkuste to znovu";
    /// Dial field placeholder.
    DialPlaceholder => "Number to call", "Číslo k vytočení";
    /// Dial button.
    Call => "Call", "Volat";
    /// Confirmation before dialling.
    ConfirmCall => "Call {number}?", "Volat {number}?";
    /// Dismisses a confirmation.
    Cancel => "Cancel", "Zrušit";
    /// Label of the outbound queue picker.
    OutboundQueue => "Outbound queue", "Odchozí fronta";
    /// Click-to-call refused: no outbound queue.
    NotInOutboundQueue => "You are not logged in to an outbound queue: log in to one and dial again", "Nejste přihlášeni do žádné odchozí fronty: přihlaste se do některé a vytočte číslo znovu";
    /// The number cannot be normalised.
    NotDialable => "That is not a phone number we can dial", "Toto telefonní číslo nelze vytočit";
    /// Dial field left empty.
    PhoneEmpty => "Type a phone number first", "Nejprve zadejte telefonní číslo";
    /// A character that no number has; `{char}` is that character.
    PhoneInvalidCharacter => "\"{char}\" does not belong in a phone number: use digits, spaces and an optional leading +", "„{char}“ do telefonního čísla nepatří: použijte číslice, mezery a případně úvodní +";
    /// Too few digits.
    PhoneTooShort => "The number is too short: check that no digit is missing", "Číslo je příliš krátké: zkontrolujte, zda nechybí číslice";
    /// Too many digits.
    PhoneTooLong => "The number is too long: check it, or start a foreign number with + and its country code", "Číslo je příliš dlouhé: zkontrolujte ho, nebo zahraniční číslo začněte + a předvolbou země";
    /// Network or timeout.
    DaktelaNoAnswer => "Daktela did not answer; check your connection", "Daktela neodpověděla; zkontrolujte připojení";
    /// HTTP 429.
    RateLimited => "Too many requests: retrying in {seconds} s", "Příliš mnoho požadavků: nový pokus za {seconds} s";
    /// The token expired (D6).
    SessionExpired => "Your Daktela login expired: log in again; nothing was lost", "Vaše přihlášení do Daktely vypršelo: přihlaste se znovu; nic se neztratilo";
    /// Any other error; `{message}` is Daktela's own text.
    UnexpectedError => "Something went wrong: {message}", "Něco se pokazilo: {message}";
    /// Ringing card heading.
    IncomingCall => "Incoming call", "Příchozí hovor";
    /// Card heading for a call the agent dialled.
    OutgoingCall => "Outgoing call", "Odchozí hovor";
    /// Label before the caller's number.
    From => "from", "od";
    /// Label before the queue.
    QueueLabel => "queue", "fronta";
    /// Label before Daktela's matched contact.
    DaktelaContact => "Daktela contact", "Kontakt v Daktele";
    /// No number shown by the network.
    UnknownNumber => "Unknown number", "Neznámé číslo";
    /// CRM lookup found nothing.
    CrmMatchNone => "CRM match: none", "Shoda v CRM: žádná";
    /// CRM lookup found one record.
    CrmMatchOne => "CRM match: 1 record", "Shoda v CRM: 1 záznam";
    /// CRM lookup found several; `{n}` is how many.
    CrmMatchMany => "CRM match: {n} matches", "Shody v CRM: {n}";
    /// The call was answered.
    Answered => "Answered", "Přijato";
    /// Label of the running call timer.
    CallTimer => "Call time", "Délka hovoru";
    /// aria-live announcement and desktop notification body.
    RingingAnnouncement => "Incoming call from {number}", "Příchozí hovor z čísla {number}";
    /// Screen pop: one match.
    OpenRecord => "Open record", "Otevřít záznam";
    /// Screen pop: several matches.
    SearchInCrm => "Search in CRM", "Hledat v CRM";
    /// Screen pop: no match.
    CreateContact => "Create contact", "Vytvořit kontakt";
    /// The explicit step browsers require before playing audio.
    EnableRingSound => "Enable ring sound", "Zapnout vyzvánění";
    /// Asks for desktop notification permission.
    EnableNotifications => "Enable notifications", "Zapnout oznámení";
    /// The agent refused notifications earlier; only the browser can undo that.
    NotificationsBlocked => "Notifications are blocked: allow them in the browser's site settings", "Oznámení jsou zablokovaná: povolte je v nastavení webu v prohlížeči";
    /// Wrap-up heading.
    CallEnded => "Call ended", "Hovor skončil";
    /// Wrap-up: status picker label.
    Disposition => "Disposition", "Výsledek hovoru";
    /// Wrap-up: empty choice of the status picker.
    ChooseDisposition => "Choose…", "Vyberte…";
    /// Wrap-up: note field.
    Note => "Note", "Poznámka";
    /// Wrap-up: save.
    Save => "Save", "Uložit";
    /// Wrap-up: saved.
    Saved => "Saved", "Uloženo";
    /// Wrap-up: saving failed for now, the outbox will retry.
    SavingWillRetry => "Saving… will retry", "Ukládá se… pokus se zopakuje";
    /// Outbox: exactly one log waiting.
    OutboxPendingOne => "1 call log waiting to be sent", "1 záznam hovoru čeká na odeslání";
    /// Outbox: several logs waiting; `{n}` is how many.
    OutboxPending => "{n} call logs waiting to be sent", "Záznamy hovorů čekající na odeslání: {n}";
    /// Invalid configuration; `{field}` is the JSON path.
    ConfigError => "Configuration error in {field}: {message}", "Chyba konfigurace v {field}: {message}";
    /// Closes a message.
    Dismiss => "Dismiss", "Zavřít";
    /// Language switch label.
    Language => "Language", "Jazyk";

    // ---- Page numbers (issue 7): the affordance over numbers found in the CRM page. ----
    /// The button over a found or selected number.
    PageNumberCall => "Call", "Volat";
    /// Its tooltip and accessible name; `{number}` is the number it dials.
    PageNumberCallTitle => "Call {number} through Daktela", "Volat {number} přes Daktelu";

    // ---- Activity widget (issue 10): the CRM page Daktela frames beside each activity. ----
    /// The widget's heading.
    WidgetTitle => "Daktela activity", "Aktivita Daktela";
    /// The call, inbound.
    WidgetCallIn => "Incoming call from {number}", "Příchozí hovor z čísla {number}";
    /// The call, outbound.
    WidgetCallOut => "Outgoing call to {number}", "Odchozí hovor na číslo {number}";
    /// The call, between users.
    WidgetCallInternal => "Internal call {number}", "Interní hovor {number}";
    /// While the CRM lookup runs.
    WidgetLookingUp => "Looking the number up in the CRM…", "Vyhledávání čísla v CRM…";
    /// The CRM lookup failed.
    WidgetLookupFailed => "The CRM lookup failed: {message}", "Vyhledání v CRM selhalo: {message}";
    /// Heading of the one matching record.
    WidgetOneMatch => "CRM record", "Záznam v CRM";
    /// Legend of the pick list.
    WidgetManyMatches => "Several CRM records match: choose one", "Číslu odpovídá více záznamů v CRM: vyberte jeden";
    /// No record has the number.
    WidgetNoMatch => "No CRM record has the number {number}", "Číslo {number} nemá v CRM žádný záznam";
    /// Internal call: no lookup.
    WidgetInternal => "An internal call: there is no customer to look up", "Interní hovor: není koho vyhledat";
    /// The save button.
    WidgetSave => "Confirm and save", "Potvrdit a uložit";
    /// Saved: `{name}` is the record.
    WidgetSaved => "Saved in the CRM: {name}", "Uloženo v CRM: {name}";
    /// Queued, not delivered yet.
    WidgetSaving => "Saving… will retry", "Ukládání… pokus se zopakuje";
    /// Refused by the CRM.
    WidgetNotSaved => "Not saved: {message}", "Neuloženo: {message}";
    /// Try a refused save again.
    WidgetRetry => "Try again", "Zkusit znovu";
    /// Save pressed with no record chosen.
    WidgetChooseFirst => "Choose a record first", "Nejdřív vyberte záznam";
    /// The note is too long.
    WidgetNoteTooLong => "The note is longer than {n} characters: shorten it", "Poznámka je delší než {n} znaků: zkraťte ji";
    /// A parameter is absent.
    WidgetParamMissing => "The widget's address lacks the parameter {param}: check the widget URL in Daktela's queue settings", "V adrese widgetu chybí parametr {param}: zkontrolujte URL widgetu v nastavení fronty v Daktele";
    /// A parameter is repeated.
    WidgetParamRepeated => "The parameter {param} appears more than once in the widget's address", "Parametr {param} je v adrese widgetu uveden víckrát";
    /// A parameter is unusable; `{problem}` says why.
    WidgetParamMalformed => "The parameter {param} is not valid: {problem}", "Parametr {param} není platný: {problem}";
    /// Problem: bad percent-encoding.
    WidgetProblemEncoding => "it is not valid percent-encoded UTF-8", "není platně zakódovaný (UTF-8 s procenty)";
    /// Problem: too long.
    WidgetProblemTooLong => "it is longer than {n} characters", "je delší než {n} znaků";
    /// Problem: a character ids never have.
    WidgetProblemCharacter => "„{char}“ is not allowed: use letters, digits, _ . - and :", "znak „{char}“ není povolen: použijte písmena, číslice, _ . - a :";
    /// Problem: not a direction.
    WidgetProblemDirection => "it must be in, out or internal", "musí být in, out nebo internal";
}

/// Replaces every `{key}` in `template` with `value`.
pub fn fill(template: &str, key: &str, value: &str) -> String {
    template.replace(&format!("{{{key}}}"), value)
}

/// The agent-facing text of a dial-string error, in `lang`.
pub fn phone_error(lang: Lang, error: &PhoneError) -> String {
    match error {
        PhoneError::Empty => t(lang, Text::PhoneEmpty).to_owned(),
        PhoneError::InvalidCharacter(c) => {
            fill(t(lang, Text::PhoneInvalidCharacter), "char", &c.to_string())
        }
        PhoneError::TooShort => t(lang, Text::PhoneTooShort).to_owned(),
        PhoneError::TooLong => t(lang, Text::PhoneTooLong).to_owned(),
        // Only configuration names a region, so it reads as a configuration error.
        PhoneError::UnsupportedRegion(_) => {
            let text = fill(t(lang, Text::ConfigError), "field", "default_country");
            fill(&text, "message", &error.to_string())
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Texts that are the same word in both languages.
    /// A language's own name reads the same in every language (an agent finds theirs).
    const SAME_IN_BOTH: &[Text] = &[Text::LanguageEnglish, Text::LanguageCzech];

    fn placeholders(s: &str) -> Vec<&str> {
        let mut found: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn all_lists_every_text_once_in_declaration_order() {
        for (i, text) in Text::ALL.iter().enumerate() {
            assert_eq!(*text as usize, i, "{text:?}");
        }
        assert!(Text::ALL.len() >= 70);
    }

    #[test]
    fn every_text_has_a_real_string_in_both_languages() {
        for &text in Text::ALL {
            let key = format!("{text:?}");
            // A one-word key such as `Save` may well be its own English text; nothing else may.
            let one_word = key.chars().skip(1).all(|c| c.is_ascii_lowercase());
            for lang in [Lang::En, Lang::Cs] {
                let s = t(lang, text);
                assert!(!s.trim().is_empty(), "{text:?} {lang:?}");
                if lang == Lang::Cs || !one_word {
                    assert_ne!(s, key, "{text:?} {lang:?} is just its key");
                }
            }
            if !SAME_IN_BOTH.contains(&text) {
                assert_ne!(
                    t(Lang::En, text),
                    t(Lang::Cs, text),
                    "{text:?} is untranslated"
                );
            }
        }
    }

    #[test]
    fn czech_strings_use_the_same_placeholders_as_english() {
        for &text in Text::ALL {
            let (en, cs) = (t(Lang::En, text), t(Lang::Cs, text));
            assert_eq!(placeholders(en), placeholders(cs), "{text:?}");
            for name in placeholders(en) {
                assert!(
                    name.chars().all(|c| c.is_ascii_lowercase()),
                    "{text:?}: {{{name}}} is not a placeholder name"
                );
            }
        }
    }

    #[test]
    fn czech_is_written_with_its_diacritics() {
        assert_eq!(
            t(Lang::Cs, Text::PhoneOffline)
                .chars()
                .filter(|c| !c.is_ascii())
                .count(),
            4
        );
        assert_eq!(
            t(Lang::Cs, Text::WrongCredentials),
            "Nesprávné uživatelské jméno nebo heslo"
        );
        assert_eq!(t(Lang::Cs, Text::CallEnded), "Hovor skončil");
    }

    #[test]
    fn fill_replaces_every_occurrence_of_the_named_placeholder_only() {
        assert_eq!(
            fill(t(Lang::En, Text::ConfirmCall), "number", "+420 777"),
            "Call +420 777?"
        );
        assert_eq!(fill("{n} of {n}, {m}", "n", "2"), "2 of 2, {m}");
        let rate = fill(t(Lang::Cs, Text::RateLimited), "seconds", "30");
        assert_eq!(rate, "Příliš mnoho požadavků: nový pokus za 30 s");
    }

    #[test]
    fn languages_are_read_from_codes_and_browser_tags() {
        assert_eq!(Lang::from_code("cs"), Some(Lang::Cs));
        assert_eq!(Lang::from_code("cs-CZ"), Some(Lang::Cs));
        assert_eq!(Lang::from_code("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::default(), Lang::En);
        assert_eq!(serde_json::from_str::<Lang>("\"cs\"").unwrap(), Lang::Cs);
        assert!(serde_json::from_str::<Lang>("\"CS\"").is_err());
    }

    #[test]
    fn phone_errors_read_in_the_agents_language() {
        let e = PhoneError::InvalidCharacter('x');
        assert_eq!(
            phone_error(Lang::Cs, &e),
            "„x“ do telefonního čísla nepatří: použijte číslice, mezery a případně úvodní +"
        );
        assert_eq!(phone_error(Lang::En, &e), e.to_string());
        assert_eq!(
            phone_error(Lang::En, &PhoneError::TooShort),
            PhoneError::TooShort.to_string()
        );
        let region = phone_error(Lang::En, &PhoneError::UnsupportedRegion("XX".into()));
        assert!(
            region
                .starts_with("Configuration error in default_country: Unsupported country \"XX\"")
        );
    }
}
