//! A GDB remote protocol client in acknowledgement mode, as LLDB speaks it to the server
//! (`kestrel::gdb`): for the tests and benchmarks that talk to the server packet by
//! packet.

use std::io::{Read, Write};
use std::net::TcpStream;

/// A client for the remote protocol, in acknowledgement mode.
pub struct Client(pub TcpStream);

impl Client {
    /// Sends `body` as a packet and returns the reply's body.
    pub fn ask(&mut self, body: &str) -> String {
        let sum = body.bytes().fold(0u8, |s, b| s.wrapping_add(b));
        write!(self.0, "${body}#{sum:02x}").unwrap();
        self.0.flush().unwrap();
        self.reply()
    }

    /// Reads the next packet (skipping acknowledgements) and acknowledges it.
    pub fn reply(&mut self) -> String {
        let mut byte = [0u8];
        loop {
            self.0.read_exact(&mut byte).unwrap();
            if byte[0] == b'$' {
                break;
            }
        }
        let mut body = Vec::new();
        loop {
            self.0.read_exact(&mut byte).unwrap();
            if byte[0] == b'#' {
                break;
            }
            body.push(byte[0]);
        }
        let mut sum = [0u8; 2];
        self.0.read_exact(&mut sum).unwrap();
        self.0.write_all(b"+").unwrap();
        String::from_utf8(body).unwrap()
    }
}
