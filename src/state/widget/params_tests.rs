#![allow(clippy::unwrap_used)]

use super::*;

const GOOD: &str =
    "?clid=773794604&direction=in&callid=1WS.58184&activity=activities_181sd845a16ds84612sd84";

fn read(query: &str) -> Result<WidgetParams, ParamError> {
    WidgetParams::from_query(query, Region::Cz)
}

fn malformed(query: &str) -> (&'static str, Problem) {
    match read(query) {
        Err(ParamError::Malformed { param, problem }) => (param, problem),
        other => panic!("{query}: {other:?}"),
    }
}

#[test]
fn the_white_papers_example_reads_with_a_normalised_number() {
    let p = read(GOOD).unwrap();
    assert_eq!(p.activity, "activities_181sd845a16ds84612sd84");
    assert_eq!(p.call_id, "1WS.58184");
    assert_eq!(p.direction, Direction::In);
    assert_eq!(p.clid, "773794604");
    assert_eq!(p.number.unwrap().as_str(), "+420773794604");
    // Without the `?`, in another order, with extra parameters of someone else's.
    let p = read("activity=a1&x=%ZZ&callid=c1&direction=OUT&clid=00420226211245").unwrap();
    assert_eq!(p.direction, Direction::Out);
    assert_eq!(p.number.unwrap().as_str(), "+420226211245");
}

#[test]
fn values_are_percent_decoded_and_trimmed() {
    let p = read("activity=a1&callid=c1&direction=in&clid=%2B420+777+123+456").unwrap();
    assert_eq!(p.clid, "+420 777 123 456");
    assert_eq!(p.number.unwrap().as_str(), "+420777123456");
    let p = read("activity=%20a1%20&callid=c1&direction=in&clid=777123456").unwrap();
    assert_eq!(p.activity, "a1");
}

#[test]
fn an_internal_call_needs_no_number_and_looks_nothing_up() {
    let p = read("activity=a1&callid=c1&direction=internal").unwrap();
    assert_eq!((p.clid.as_str(), p.number), ("", None));
    let p = read("activity=a1&callid=c1&direction=internal&clid=201").unwrap();
    assert_eq!((p.clid.as_str(), p.number), ("201", None));
}

#[test]
fn a_missing_or_blank_parameter_is_named() {
    for (query, param) in [
        ("", "activity"),
        ("callid=c&direction=in&clid=777123456", "activity"),
        ("activity=&callid=c&direction=in&clid=777123456", "activity"),
        ("activity=a&direction=in&clid=777123456", "callid"),
        ("activity=a&callid=c&clid=777123456", "direction"),
        ("activity=a&callid=c&direction=in", "clid"),
        ("activity=a&callid=c&direction=out&clid=+++", "clid"),
    ] {
        assert_eq!(read(query), Err(ParamError::Missing(param)), "{query}");
    }
    let message = ParamError::Missing("callid").to_string();
    assert!(message.contains("`callid`"), "{message}");
}

#[test]
fn a_repeated_parameter_is_refused_not_resolved() {
    let e = read(&format!("{GOOD}&activity=activities_other")).unwrap_err();
    assert_eq!(e, ParamError::Repeated("activity"));
    assert_eq!(e.param(), "activity");
}

#[test]
fn ids_with_markup_or_bad_encoding_are_refused() {
    let base = "callid=c&direction=in&clid=777123456";
    for (activity, problem) in [
        ("a%3Cscript%3E", Problem::Character('<')),
        ("a%22b", Problem::Character('"')),
        ("a/b", Problem::Character('/')),
        ("a%2", Problem::Encoding),
        ("a%+1", Problem::Encoding),
        ("a%FF", Problem::Encoding),
    ] {
        let (param, found) = malformed(&format!("{base}&activity={activity}"));
        assert_eq!((param, found), ("activity", problem), "{activity}");
    }
    let long = "a".repeat(MAX_ID_CHARS + 1);
    let (param, problem) = malformed(&format!(
        "activity=a&direction=in&clid=777123456&callid={long}"
    ));
    assert_eq!((param, problem), ("callid", Problem::TooLong(MAX_ID_CHARS)));
    assert!(read(&format!("{base}&activity={}", "a".repeat(MAX_ID_CHARS))).is_ok());
}

#[test]
fn a_direction_outside_the_three_is_refused() {
    for d in ["inbound", "x", "in%00"] {
        let (param, problem) =
            malformed(&format!("activity=a&callid=c&clid=777123456&direction={d}"));
        assert_eq!((param, problem), ("direction", Problem::Direction), "{d}");
    }
}

#[test]
fn a_clid_that_is_no_phone_number_says_why() {
    let (param, problem) = malformed("activity=a&callid=c&direction=in&clid=anonymous");
    assert_eq!(param, "clid");
    assert!(matches!(
        problem,
        Problem::Phone(PhoneError::InvalidCharacter('a'))
    ));
    let (_, problem) = malformed("activity=a&callid=c&direction=in&clid=12");
    assert_eq!(problem, Problem::Phone(PhoneError::TooShort));
    let long = "1".repeat(MAX_CLID_CHARS + 1);
    let (_, problem) = malformed(&format!("activity=a&callid=c&direction=in&clid={long}"));
    assert_eq!(problem, Problem::TooLong(MAX_CLID_CHARS));
    let (_, problem) = malformed("activity=a&callid=c&direction=internal&clid=2%0A01");
    assert_eq!(problem, Problem::Character('\n'));
    let message = read("activity=a&callid=c&direction=in&clid=12")
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("the parameter `clid` is not valid: "),
        "{message}"
    );
}
