//! Keeps the documentation honest: README.md's embedding example is exactly
//! examples/embed.rs (which cargo compiles), and CI runs the README's test command.

use std::path::{Path, PathBuf};

fn repo_file(path: &str) -> String {
    let full: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The fenced code blocks of a Markdown text whose info string is `lang`.
fn code_blocks<'a>(markdown: &'a str, lang: &str) -> Vec<String> {
    let fence = format!("```{lang}");
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&'a str>> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_end() == fence => current = Some(Vec::new()),
            None => {}
            Some(_) if line.trim_end() == "```" => {
                blocks.push(current.take().unwrap().join("\n") + "\n");
            }
            Some(lines) => lines.push(line),
        }
    }
    blocks
}

#[test]
fn readme_embedding_example_is_examples_embed_rs() {
    let example = repo_file("examples/embed.rs");
    // The file's `//!` header says where it is shown; the README shows the code after it.
    let code: String = example
        .lines()
        .skip_while(|l| l.starts_with("//!"))
        .skip_while(|l| l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let readme = repo_file("README.md");
    let blocks = code_blocks(&readme, "rust");
    assert!(
        blocks.contains(&code),
        "README.md's ```rust block differs from examples/embed.rs; copy the file's code \
         (after its //! header) into the README"
    );
}

#[test]
fn ci_runs_the_readme_commands() {
    let readme = repo_file("README.md");
    let setup = code_blocks(&readme, "sh");
    let test_command = "cargo test --release --workspace";
    assert_eq!(
        setup.first().map(String::as_str),
        Some(
            "cargo run --release -p kestrel-cli -- run examples/fib.wat --invoke fib 30\n\
             cargo test --release --workspace\n"
        )
    );
    let ci = repo_file(".ci/run");
    let commands: Vec<&str> = ci
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("cargo "))
        .collect();
    assert_eq!(commands, [test_command]);
}
