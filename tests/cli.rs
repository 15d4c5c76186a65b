//! The command line as data: each `tests/cmd/<case>.toml` runs the built binary in
//! `<case>.in/` and checks its status, standard output and standard error.
//! Bless changed output with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
