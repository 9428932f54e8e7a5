//! Editors reach Kestrel's debugger through `lldb-dap`, the Debug Adapter Protocol server
//! VS Code and other editors drive: a small DAP client of our own, over stdio, attaches
//! `lldb-dap-22` to `kestrel run -g PORT` serving a C program (`tests/lldb/prog.c`), and
//! checks what an editor shows: a source breakpoint verified and hit, a stack trace with
//! files and lines, the scopes and variables of the top frame and of its caller, and the
//! program's exit code.
//!
//! `lldb-dap-22` comes with Debian's `lldb-22` (`.ci/run` installs it when it is missing).
//! Without it the test prints that it was skipped, and why.

use serde_json::{json, Value};
#[path = "support/serve.rs"]
mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const LLDB_DAP: &str = "lldb-dap-22";

/// How long the whole session may take before the test fails (a bound on a hang, not a
/// wait: every step waits for the message it needs).
const SESSION: Duration = Duration::from_secs(90);

fn lldb_dir() -> PathBuf {
    support::program_dir()
}

fn lldb_dap_available() -> bool {
    let found = Command::new(LLDB_DAP)
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        println!(
            "skipped: {LLDB_DAP} is not installed (it comes with lldb-22; .ci/run installs it)"
        );
    }
    found
}

/// A DAP client: requests numbered from 1, every message received kept until a step
/// takes it (events and responses arrive interleaved).
struct Dap {
    child: Child,
    stdin: ChildStdin,
    seq: i64,
    inbox: Receiver<Value>,
    backlog: Vec<Value>,
    /// Every message, both ways, for the failure message.
    transcript: Vec<String>,
    deadline: Instant,
}

impl Dap {
    fn start() -> Dap {
        let mut child = Command::new(LLDB_DAP)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run lldb-dap");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, inbox) = channel();
        std::thread::spawn(move || loop {
            // Headers up to a blank line, then Content-Length bytes of JSON.
            let mut length = None;
            loop {
                let mut header = String::new();
                if stdout.read_line(&mut header).unwrap_or(0) == 0 {
                    return;
                }
                let header = header.trim_end();
                if header.is_empty() {
                    break;
                }
                if let Some(n) = header.strip_prefix("Content-Length: ") {
                    length = n.parse::<usize>().ok();
                }
            }
            let Some(length) = length else { return };
            let mut body = vec![0; length];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            let Ok(message) = serde_json::from_slice::<Value>(&body) else {
                return;
            };
            if tx.send(message).is_err() {
                return;
            }
        });
        Dap {
            child,
            stdin,
            seq: 0,
            inbox,
            backlog: Vec::new(),
            transcript: Vec::new(),
            deadline: Instant::now() + SESSION,
        }
    }

    fn send(&mut self, command: &str, arguments: Value) -> i64 {
        self.seq += 1;
        let message = json!({
            "seq": self.seq,
            "type": "request",
            "command": command,
            "arguments": arguments,
        });
        let body = message.to_string();
        self.transcript.push(format!("--> {body}"));
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
        self.seq
    }

    /// The first message (kept or arriving) that `wanted` accepts.
    fn take(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&wanted) {
            return self.backlog.remove(i);
        }
        loop {
            let left = self.deadline.saturating_duration_since(Instant::now());
            match self.inbox.recv_timeout(left) {
                Ok(message) => {
                    self.transcript.push(format!("<-- {message}"));
                    if wanted(&message) {
                        return message;
                    }
                    self.backlog.push(message);
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "no {what} within {SESSION:?}:\n{}",
                        self.transcript.join("\n")
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "lldb-dap ended before {what}:\n{}",
                        self.transcript.join("\n")
                    )
                }
            }
        }
    }

    /// The response to request `seq`, which must have succeeded.
    fn response(&mut self, seq: i64) -> Value {
        let response = self.take(&format!("response to request {seq}"), |m| {
            m["type"] == "response" && m["request_seq"] == seq
        });
        assert_eq!(
            response["success"],
            true,
            "request {seq} failed: {response}\n{}",
            self.transcript.join("\n")
        );
        response
    }

    fn request(&mut self, command: &str, arguments: Value) -> Value {
        let seq = self.send(command, arguments);
        self.response(seq)
    }

    fn event(&mut self, name: &str) -> Value {
        self.take(&format!("event {name}"), |m| {
            m["type"] == "event" && m["event"] == name
        })
    }

    /// The variables of scope `name` of frame `frame_id`, as (name, value, reference).
    fn scope_variables(&mut self, frame_id: &Value, name: &str) -> Vec<(String, String, i64)> {
        let scopes = self.request("scopes", json!({ "frameId": frame_id }));
        let reference = scopes["body"]["scopes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("no scope {name}: {scopes}"))["variablesReference"]
            .clone();
        self.variables(&reference)
    }

    fn variables(&mut self, reference: &Value) -> Vec<(String, String, i64)> {
        let response = self.request("variables", json!({ "variablesReference": reference }));
        response["body"]["variables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["name"].as_str().unwrap_or_default().to_string(),
                    v["value"].as_str().unwrap_or_default().to_string(),
                    v["variablesReference"].as_i64().unwrap_or(0),
                )
            })
            .collect()
    }
}

impl Drop for Dap {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The value of variable `name` among `vars`.
fn value_of<'v>(vars: &'v [(String, String, i64)], name: &str) -> &'v str {
    vars.iter()
        .find(|v| v.0 == name)
        .map(|v| v.1.as_str())
        .unwrap_or_else(|| panic!("no variable {name} in {vars:?}"))
}

/// `kestrel run -g PORT` serving `program` (in `dir`), and lldb-dap initialized and
/// attaching to it as the README's launch.json does (the program, and the command that
/// connects); returns the attach request's number, which lldb-dap answers only after the
/// configuration is done (`configurationDone`).
fn attach_to(dir: &Path, program: &str) -> (Child, Dap, i64) {
    let (kestrel, port) = support::serve(&dir.join(program), &[]);
    let mut dap = Dap::start();
    dap.request(
        "initialize",
        json!({
            "clientID": "kestrel-test",
            "adapterID": "lldb-dap",
            "pathFormat": "path",
            "linesStartAt1": true,
            "columnsStartAt1": true,
        }),
    );
    let attach = dap.send(
        "attach",
        json!({
            "program": dir.join(program),
            "sourceMap": [[support::DWARF_SOURCE_DIR, dir]],
            "attachCommands": [format!("process connect --plugin wasm connect://127.0.0.1:{port}")],
        }),
    );
    dap.event("initialized");
    (kestrel, dap, attach)
}

#[test]
fn an_editor_debugs_a_c_program_through_lldb_dap() {
    if !lldb_dap_available() {
        return;
    }
    let dir = lldb_dir();
    let (mut kestrel, mut dap, attach) = attach_to(&dir, "prog.wasm");
    let source = dir.join("prog.c");
    let breakpoints = dap.request(
        "setBreakpoints",
        json!({ "source": { "path": source }, "breakpoints": [{ "line": 8 }] }),
    );
    let breakpoint = &breakpoints["body"]["breakpoints"][0];
    assert_eq!(breakpoint["verified"], true, "{breakpoints}");
    assert_eq!(breakpoint["line"], 8, "{breakpoints}");
    dap.request("configurationDone", json!({}));
    dap.response(attach);

    let stopped = dap.event("stopped");
    assert_eq!(stopped["body"]["reason"], "breakpoint", "{stopped}");
    let thread = stopped["body"]["threadId"].clone();
    let trace = dap.request(
        "stackTrace",
        json!({ "threadId": thread, "startFrame": 0, "levels": 20 }),
    );
    let frames = trace["body"]["stackFrames"].as_array().unwrap().clone();
    let place = |f: &Value| {
        (
            f["name"].as_str().unwrap_or_default().to_string(),
            f["source"]["path"].as_str().unwrap_or_default().to_string(),
            f["line"].as_i64().unwrap_or(0),
        )
    };
    let source = source.to_str().unwrap().to_string();
    assert_eq!(
        place(&frames[0]),
        ("fib".into(), source.clone(), 8),
        "{trace}"
    );
    assert_eq!(
        place(&frames[1]),
        ("main".into(), source.clone(), 24),
        "{trace}"
    );

    // The top frame's variables, and its caller's.
    let top = dap.scope_variables(&frames[0]["id"], "Locals");
    assert_eq!(value_of(&top, "n"), "10", "{top:?}");
    let caller = dap.scope_variables(&frames[1]["id"], "Locals");
    assert!(value_of(&caller, "ptr").starts_with("0x"), "{caller:?}");
    let numbers = caller.iter().find(|v| v.0 == "numbers").unwrap().2;
    let elements = dap.variables(&json!(numbers));
    let values: Vec<&str> = elements.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(values, ["3", "5", "7", "11"], "{elements:?}");
    let point = caller.iter().find(|v| v.0 == "p").unwrap().2;
    let fields = dap.variables(&json!(point));
    assert_eq!(value_of(&fields, "x"), "4");
    assert_eq!(value_of(&fields, "y"), "9");

    // No more stops: run to the end.
    dap.request(
        "setBreakpoints",
        json!({ "source": { "path": source }, "breakpoints": [] }),
    );
    dap.request("continue", json!({ "threadId": thread }));
    let exited = dap.event("exited");
    assert_eq!(exited["body"]["exitCode"], 3, "{exited}");
    dap.event("terminated");
    let _ = dap.send("disconnect", json!({ "terminateDebuggee": false }));
    let status = kestrel.wait().unwrap();
    assert_eq!(status.code(), Some(3));
}

#[test]
fn an_editor_sets_a_data_breakpoint_through_lldb_dap() {
    if !lldb_dap_available() {
        return;
    }
    let dir = lldb_dir();
    let (mut kestrel, mut dap, attach) = attach_to(&dir, "watch-O0.wasm");
    let source = dir.join("watch.c");
    dap.request(
        "setBreakpoints",
        json!({ "source": { "path": source }, "breakpoints": [{ "line": 23 }] }),
    );
    dap.request("configurationDone", json!({}));
    dap.response(attach);
    let stopped = dap.event("stopped");
    assert_eq!(stopped["body"]["reason"], "breakpoint", "{stopped}");
    let thread = stopped["body"]["threadId"].clone();
    let trace = dap.request(
        "stackTrace",
        json!({ "threadId": thread, "startFrame": 0, "levels": 1 }),
    );
    let frame = trace["body"]["stackFrames"][0]["id"].clone();

    // The editor asks what it can watch for `&table[5]`, then watches it for writes.
    let info = dap.request(
        "dataBreakpointInfo",
        json!({ "name": "&table[5]", "frameId": frame }),
    );
    let data_id = info["body"]["dataId"].clone();
    assert!(data_id.is_string(), "{info}");
    let set = dap.request(
        "setDataBreakpoints",
        json!({ "breakpoints": [{ "dataId": data_id, "accessType": "write" }] }),
    );
    assert_eq!(set["body"]["breakpoints"][0]["verified"], true, "{set}");
    dap.request(
        "setBreakpoints",
        json!({ "source": { "path": source }, "breakpoints": [] }),
    );
    dap.request("continue", json!({ "threadId": thread }));
    let stopped = dap.event("stopped");
    assert_eq!(stopped["body"]["reason"], "data breakpoint", "{stopped}");
    let trace = dap.request(
        "stackTrace",
        json!({ "threadId": thread, "startFrame": 0, "levels": 1 }),
    );
    let top = &trace["body"]["stackFrames"][0];
    assert_eq!(top["name"], "main", "{trace}");
    assert_eq!(top["line"], 23, "{trace}");
    let locals = dap.scope_variables(&top["id"], "Locals");
    assert_eq!(value_of(&locals, "i"), "5", "{locals:?}");

    // Without it the program runs to its end.
    dap.request("setDataBreakpoints", json!({ "breakpoints": [] }));
    dap.request("continue", json!({ "threadId": thread }));
    let exited = dap.event("exited");
    assert_eq!(exited["body"]["exitCode"], 3, "{exited}");
    dap.event("terminated");
    let _ = dap.send("disconnect", json!({ "terminateDebuggee": false }));
    let status = kestrel.wait().unwrap();
    assert_eq!(status.code(), Some(3));
}
