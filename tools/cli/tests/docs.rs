//! Keeps the documentation honest: README.md's embedding example is exactly
//! examples/embed.rs (which cargo compiles), CI runs the README's test command, and the
//! README's debugger session is what `kestrel debug` prints.

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
    let test_command =
        "cargo clippy --release --all-targets -- -D warnings && cargo test --release";
    assert_eq!(
        setup.first().map(String::as_str),
        Some(
            format!(
                "cargo run --release -p kestrel-cli -- run examples/fib.wat --invoke fib 30\n\
                 {test_command}\n"
            )
            .as_str()
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

#[test]
fn readme_debug_session_is_real_output() {
    let readme = repo_file("README.md");
    let session = code_blocks(&readme, "console")
        .into_iter()
        .find(|b| b.starts_with("$ kestrel debug "))
        .expect("README.md shows a `kestrel debug` session in a ```console block");
    let mut lines = session.lines();
    let command_line = lines.next().unwrap().strip_prefix("$ kestrel ").unwrap();
    // With stdin not a terminal there is no prompt: the commands are the `(kdb) ` lines,
    // and stdout is every other line.
    let (mut script, mut expected) = (String::new(), String::new());
    for line in lines {
        match line.strip_prefix("(kdb) ") {
            Some(command) => script += &format!("{command}\n"),
            None => expected += &format!("{line}\n"),
        }
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(command_line.split_whitespace())
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    assert_eq!(out.status.code(), Some(0));
}
