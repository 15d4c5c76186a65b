//! Reading metadata: manifest records, publication times, languages and claimdiff.toml.
//! The first byte picks which reader gets the rest.

#![no_main]

use std::path::Path;

use claimdiff::{manifest, Config, Defaults, Lang, Published};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match selector % 3 {
        0 => {
            let manifest_path = Path::new("fuzz.jsonl");
            for (i, line) in text.lines().enumerate() {
                match manifest::parse_line(manifest_path, i + 1, line) {
                    Ok(record) if record.path.is_none() => {
                        let defaults = Defaults {
                            published: Published::parse("2025-03-27"),
                            lang: None,
                        };
                        if let Err(e) =
                            record.into_document(Path::new("."), &defaults, "fuzz.jsonl:1")
                        {
                            assert!(
                                e.to_string().contains("fuzz.jsonl") || e.to_string().contains(':'),
                                "{e}"
                            );
                        }
                    }
                    Ok(_) => {}
                    Err(e) => assert!(
                        e.to_string()
                            .starts_with(&format!("fuzz.jsonl:{}: ", i + 1)),
                        "{e}"
                    ),
                }
            }
        }
        1 => {
            if let Some(p) = Published::parse(text) {
                let again = Published::parse(&p.to_string())
                    .expect("a printed publication time reads back");
                assert_eq!(again.day, p.day);
            }
            let _ = text.parse::<Lang>();
        }
        _ => {
            if let Err(e) = Config::parse(Path::new("claimdiff.toml"), text) {
                assert!(e.to_string().starts_with("claimdiff.toml"), "{e}");
            }
        }
    }
});
