//! Precision and recall on the labelled corpus (`corpus/*.txt`, see `tools/make-corpus.mjs`).
//!
//! `⟦raw|+E164⟧` marks a number, `⟪raw⟫` a distractor; the detector sees the text without the
//! markers. A found number counts as right if it overlaps a marked number and has its E.164.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::ops::Range;

use phone_detect::{Detector, DetectorConfig, Region};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

struct Labelled {
    text: String,
    numbers: Vec<(Range<usize>, String)>,
    distractors: usize,
}

fn strip(marked: &str) -> Labelled {
    let mut out = Labelled {
        text: String::new(),
        numbers: Vec::new(),
        distractors: 0,
    };
    let mut rest = marked;
    while let Some(i) = rest.find(['⟦', '⟪']) {
        out.text.push_str(&rest[..i]);
        let open = rest[i..].chars().next().unwrap();
        let close = if open == '⟦' { '⟧' } else { '⟫' };
        let body_start = i + open.len_utf8();
        let j = body_start + rest[body_start..].find(close).unwrap();
        let body = &rest[body_start..j];
        if open == '⟦' {
            let (raw, e164) = body.rsplit_once('|').unwrap();
            let start = out.text.len();
            out.text.push_str(raw);
            out.numbers.push((start..out.text.len(), e164.to_owned()));
        } else {
            out.text.push_str(body);
            out.distractors += 1;
        }
        rest = &rest[j + close.len_utf8()..];
    }
    out.text.push_str(rest);
    out
}

#[test]
fn the_corpus_is_found_with_precision_and_recall_of_at_least_0_99() {
    let (mut tp, mut fp, mut fn_, mut distractors) = (0usize, 0usize, 0usize, 0usize);
    let mut files: Vec<_> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "corpus files missing in {CORPUS}");
    for path in files {
        let marked = std::fs::read_to_string(&path).unwrap();
        let (head, body) = marked.split_once('\n').unwrap();
        let region = Region::from_code(head.trim_start_matches("#region").trim()).unwrap();
        let labelled = strip(body);
        distractors += labelled.distractors;
        let detector = Detector::new(DetectorConfig::new(region)).unwrap();
        let found = detector.find(&labelled.text);
        let mut hit = vec![false; labelled.numbers.len()];
        for f in &found {
            let matched = labelled.numbers.iter().position(|(range, e164)| {
                f.start < range.end && range.start < f.end && *e164 == f.e164
            });
            match matched {
                Some(k) if !hit[k] => {
                    hit[k] = true;
                    tp += 1;
                }
                _ => {
                    fp += 1;
                    println!(
                        "FP {}: {:?} -> {}",
                        path.display(),
                        f.raw(&labelled.text),
                        f.e164
                    );
                }
            }
        }
        for (k, (range, e164)) in labelled.numbers.iter().enumerate() {
            if !hit[k] {
                fn_ += 1;
                println!(
                    "FN {}: {:?} ({e164})",
                    path.display(),
                    &labelled.text[range.clone()]
                );
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "numbers {} distractors {distractors} tp {tp} fp {fp} fn {fn_}",
        tp + fn_
    );
    println!("precision {precision:.4} recall {recall:.4}");
    assert!(tp + fn_ >= 400 && distractors >= 400, "corpus too small");
    assert!(precision >= 0.99, "precision {precision:.4}");
    assert!(recall >= 0.99, "recall {recall:.4}");
}
