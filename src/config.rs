//! `claimdiff.toml`: tolerances, hedge intervals, running tallies, extra lexicon entries and
//! report defaults. Every field has the SPEC default, so an empty file is a valid config.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::claim::Claim;
use crate::document::Lang;
use crate::error::{Error, Result};
use crate::extract::lexicon::{Lexicon, RUNNING_TALLIES};

/// The name looked for in the current folder.
pub const FILE_NAME: &str = "claimdiff.toml";

/// Hedge tolerances and vague-quantity intervals.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hedges {
    /// "rund 30": ± this share of the number.
    pub approx: f64,
    /// "fast 30": down to this share below the number (at least 1).
    pub almost: f64,
    /// Overrides of vague quantities: word → [lo, hi] (hi may be omitted for open).
    pub vague: Vec<VagueOverride>,
    #[serde(skip)]
    resolved: Vec<(&'static str, f64, Option<f64>)>,
}

/// One configured vague quantity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueOverride {
    pub word: String,
    pub lo: f64,
    pub hi: Option<f64>,
}

impl Default for Hedges {
    fn default() -> Self {
        Hedges {
            approx: 0.10,
            almost: 0.10,
            vague: Vec::new(),
            resolved: Vec::new(),
        }
    }
}

impl Hedges {
    /// The vague quantities of a language, with configured overrides applied.
    pub fn vague_for(&self, lexicon: &'static Lexicon) -> &[(&'static str, f64, Option<f64>)] {
        if self.vague.is_empty() {
            return lexicon.vague;
        }
        // Overrides are few; resolve them against the lexicon's words once per call site.
        &self.resolved
    }

    fn resolve(&mut self) {
        if self.vague.is_empty() {
            return;
        }
        let mut all: Vec<(&'static str, f64, Option<f64>)> = Vec::new();
        for lexicon in [Lexicon::of(crate::Lang::De), Lexicon::of(crate::Lang::En)] {
            for &(word, lo, hi) in lexicon.vague {
                let o = self.vague.iter().find(|o| o.word.to_lowercase() == word);
                all.push(match o {
                    Some(o) => (word, o.lo, o.hi),
                    None => (word, lo, hi),
                });
            }
        }
        self.resolved = all;
    }
}

/// One extra counted noun: `[[concept]] word = "Wahlbeteiligung" lang = "de" key = "turnout"`.
/// The word is a stem: the lexicon's noun endings may follow it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub word: String,
    pub lang: String,
    pub key: String,
}

/// Everything `claimdiff.toml` can set.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub hedges: Hedges,
    /// Subjects whose later, higher figures are updates rather than contradictions.
    pub running_tallies: Vec<String>,
    /// Extra counted nouns and their concept keys, on top of the built-in lexicon.
    #[serde(rename = "concept")]
    pub concepts: Vec<Concept>,
    /// Default for `--fail-on`.
    pub fail_on: Option<String>,
    /// Default for `--format`.
    pub format: Option<String>,
    /// Default for `--baseline`.
    pub baseline: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            hedges: Hedges::default(),
            running_tallies: RUNNING_TALLIES.iter().map(|s| s.to_string()).collect(),
            concepts: Vec::new(),
            fail_on: None,
            format: None,
            baseline: None,
        }
    }
}

impl Config {
    /// Parses a config file's text; errors name the file and line.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
                .unwrap_or(1);
            Error::Record {
                path: path.to_path_buf(),
                line,
                problem: e.message().to_string(),
            }
        })?;
        if !(0.0..1.0).contains(&config.hedges.approx)
            || !(0.0..1.0).contains(&config.hedges.almost)
        {
            return Err(Error::input(
                path,
                "hedges.approx and hedges.almost must be shares between 0 and 1",
            ));
        }
        for (k, c) in config.concepts.iter().enumerate() {
            if c.lang.parse::<Lang>().is_err()
                || c.word.trim().is_empty()
                || c.key.trim().is_empty()
            {
                let line = nth_table_line(text, "[[concept]]", k);
                return Err(Error::Record {
                    path: path.to_path_buf(),
                    line,
                    problem: format!(
                        "concept {:?}: needs a word, a key and lang \"de\" or \"en\"",
                        c.word
                    ),
                });
            }
        }
        config.hedges.resolve();
        Ok(config)
    }

    /// Loads `path`, or `claimdiff.toml` in the current folder when it exists, or the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => {
                let p = PathBuf::from(FILE_NAME);
                if !p.is_file() {
                    return Ok(Config::default());
                }
                p
            }
        };
        let text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, &e))?;
        Config::parse(&path, &text)
    }

    pub fn is_running_tally(&self, subject: &str) -> bool {
        self.running_tallies.iter().any(|s| s == subject)
    }

    /// The configured concept key of a (lowercase) word, if an extra `[[concept]]` names it.
    pub fn concept(&self, lang: Lang, word: &str) -> Option<&str> {
        let lexicon = Lexicon::of(lang);
        self.concepts
            .iter()
            .filter(|c| c.lang.parse::<Lang>().ok() == Some(lang))
            .find(|c| {
                let stem = c.word.to_lowercase();
                word.strip_prefix(stem.as_str())
                    .is_some_and(|rest| lexicon.noun_endings.contains(&rest))
            })
            .map(|c| c.key.as_str())
    }

    /// Gives claims whose noun the lexicon did not know (a fallback stem such as `de:wahlbet`)
    /// the key an extra `[[concept]]` assigns to it.
    pub fn apply_concepts(&self, claims: &mut [Claim]) {
        if self.concepts.is_empty() {
            return;
        }
        for c in claims.iter_mut().filter(|c| c.subject.contains(':')) {
            let word = c.subject_text.to_lowercase();
            if let Some(key) = word
                .split_whitespace()
                .find_map(|w| self.concept(c.lang, w))
            {
                c.subject = key.to_string().into();
            }
        }
    }
}

/// The line of the `n`-th occurrence of a table header, for error messages.
fn nth_table_line(text: &str, header: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == header)
        .nth(n)
        .map_or(1, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_has_spec_defaults() {
        let c = Config::parse(Path::new("c.toml"), "").unwrap();
        assert_eq!(c.hedges.approx, 0.10);
        assert!(c.is_running_tally("people_killed"));
        assert!(!c.is_running_tally("country"));
    }

    #[test]
    fn bad_config_names_file_and_line() {
        let err = Config::parse(
            Path::new("c.toml"),
            "[hedges]\napprox = 0.2\nalmost = \"x\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("c.toml:3:"), "{err}");
        let err = Config::parse(Path::new("c.toml"), "colour = 1\n").unwrap_err();
        assert!(err.to_string().starts_with("c.toml:1:"), "{err}");
    }

    #[test]
    fn extra_concepts_and_tallies() {
        let text = "running_tallies = [\"people_killed\", \"house\"]\n[[concept]]\nword = \"Wahlbeteiligung\"\nlang = \"de\"\nkey = \"turnout\"\n";
        let c = Config::parse(Path::new("c.toml"), text).unwrap();
        assert!(c.is_running_tally("house") && !c.is_running_tally("people_injured"));
        assert_eq!(c.concept(Lang::De, "wahlbeteiligung"), Some("turnout"));
        assert_eq!(c.concept(Lang::En, "wahlbeteiligung"), None);
        let err = Config::parse(
            Path::new("c.toml"),
            "[[concept]]\nword = \"x\"\nlang = \"fr\"\nkey = \"y\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("c.toml:1:"), "{err}");
    }

    #[test]
    fn vague_overrides_apply() {
        let c = Config::parse(
            Path::new("c.toml"),
            "[[hedges.vague]]\nword = \"dozens\"\nlo = 13\nhi = 99\n",
        )
        .unwrap();
        let v = c.hedges.vague_for(Lexicon::of(crate::Lang::En));
        assert!(v.contains(&("dozens", 13.0, Some(99.0))));
    }
}
