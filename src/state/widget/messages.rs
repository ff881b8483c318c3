//! The widget's errors in the agent's language.

use super::pairing::{MAX_NOTE_CHARS, PairingError};
use super::params::{ParamError, Problem};
use crate::state::i18n::{Lang, Text, fill, phone_error, t};

/// A parameter error, naming the parameter, in `lang`.
pub fn param_error(lang: Lang, error: &ParamError) -> String {
    let text = match error {
        ParamError::Missing(_) => t(lang, Text::WidgetParamMissing).to_owned(),
        ParamError::Repeated(_) => t(lang, Text::WidgetParamRepeated).to_owned(),
        ParamError::Malformed { problem, .. } => fill(
            t(lang, Text::WidgetParamMalformed),
            "problem",
            &problem_text(lang, problem),
        ),
    };
    fill(&text, "param", error.param())
}

fn problem_text(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::Encoding => t(lang, Text::WidgetProblemEncoding).to_owned(),
        Problem::TooLong(n) => fill(t(lang, Text::WidgetProblemTooLong), "n", &n.to_string()),
        Problem::Character(c) => fill(
            t(lang, Text::WidgetProblemCharacter),
            "char",
            &c.escape_debug().to_string(),
        ),
        Problem::Direction => t(lang, Text::WidgetProblemDirection).to_owned(),
        Problem::Phone(e) => phone_error(lang, e),
    }
}

/// A pairing error in `lang`.
pub fn pairing_error(lang: Lang, error: &PairingError) -> String {
    match error {
        PairingError::NoteTooLong => fill(
            t(lang, Text::WidgetNoteTooLong),
            "n",
            &MAX_NOTE_CHARS.to_string(),
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::state::phone::Region;
    use crate::state::widget::WidgetParams;

    fn error(query: &str) -> ParamError {
        WidgetParams::from_query(query, Region::Cz).unwrap_err()
    }

    #[test]
    fn every_parameter_error_names_the_parameter_in_both_languages() {
        for (query, param) in [
            ("callid=c&direction=in&clid=777123456", "activity"),
            ("activity=a&activity=b", "activity"),
            ("activity=a&callid=c%3C&direction=in&clid=1", "callid"),
            ("activity=a&callid=c&direction=up&clid=1", "direction"),
            ("activity=a&callid=c&direction=in&clid=x", "clid"),
            ("activity=a&callid=c&direction=in&clid=%E0", "clid"),
        ] {
            for lang in [Lang::En, Lang::Cs] {
                let message = param_error(lang, &error(query));
                assert!(message.contains(param), "{query} {lang:?}: {message}");
                assert!(!message.contains('{'), "{query} {lang:?}: {message}");
            }
        }
    }

    #[test]
    fn czech_messages_are_czech() {
        let e = error("activity=a&callid=c&direction=up&clid=1");
        assert_eq!(
            param_error(Lang::Cs, &e),
            "Parametr direction není platný: musí být in, out nebo internal"
        );
        let e = error("activity=a%09b&callid=c&direction=in&clid=1");
        assert_eq!(
            param_error(Lang::En, &e),
            "The parameter activity is not valid: „\\t“ is not allowed: use letters, digits, _ . - and :"
        );
        assert!(pairing_error(Lang::Cs, &PairingError::NoteTooLong).contains("4000"));
    }
}
