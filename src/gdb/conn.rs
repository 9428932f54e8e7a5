//! The client connection as `gdbstub` uses it, buffered both ways: `gdbstub` reads and
//! writes one byte at a time, which on a bare socket is a system call (and, with
//! `TCP_NODELAY`, a segment) per byte; LLDB reads a module's binary and debug sections
//! through the protocol (megabytes for a program with its standard library's DWARF).
//! Replies go out when `gdbstub` flushes one; requests are read in large chunks.

use gdbstub::conn::{Connection, ConnectionExt};
use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::os::fd::{AsRawFd, RawFd};

/// Bytes read from the socket at once.
const READ_CHUNK: usize = 64 * 1024;

/// A client connection with an input and an output buffer. The socket is non-blocking:
/// `read` waits with `poll`.
pub(crate) struct Conn {
    stream: TcpStream,
    input: VecDeque<u8>,
    output: Vec<u8>,
    /// The client closed the connection (or it failed).
    closed: bool,
}

impl Conn {
    pub fn new(stream: TcpStream) -> std::io::Result<Conn> {
        stream.set_nonblocking(true)?;
        let _ = stream.set_nodelay(true);
        Ok(Conn {
            stream,
            input: VecDeque::new(),
            output: Vec::new(),
            closed: false,
        })
    }

    /// Whether a byte can be read without waiting (or the connection is gone, which a
    /// read reports).
    pub fn ready(&mut self) -> bool {
        self.fill() || self.closed
    }

    /// The socket, to wait on with `poll`.
    pub fn fd(&self) -> RawFd {
        self.stream.as_raw_fd()
    }

    /// Reads what the socket has without waiting; returns whether input is buffered.
    fn fill(&mut self) -> bool {
        if self.input.is_empty() && !self.closed {
            let mut chunk = vec![0u8; READ_CHUNK];
            match Read::read(&mut self.stream, &mut chunk) {
                Ok(0) => self.closed = true,
                Ok(n) => self.input.extend(&chunk[..n]),
                Err(e)
                    if e.kind() == ErrorKind::WouldBlock || e.kind() == ErrorKind::Interrupted => {}
                Err(_) => self.closed = true,
            }
        }
        !self.input.is_empty()
    }

    /// Waits until the socket is readable.
    fn wait_readable(&self) {
        let mut fd = libc::pollfd {
            fd: self.fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, the length given; no timeout.
        unsafe { libc::poll(&mut fd, 1, -1) };
    }

    /// Sends what is buffered, waiting while the socket's buffer is full.
    fn send(&mut self) -> std::io::Result<()> {
        let mut sent = 0;
        while sent < self.output.len() {
            match Write::write(&mut self.stream, &self.output[sent..]) {
                Ok(0) => return Err(ErrorKind::WriteZero.into()),
                Ok(n) => sent += n,
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    let mut fd = libc::pollfd {
                        fd: self.fd(),
                        events: libc::POLLOUT,
                        revents: 0,
                    };
                    // SAFETY: one valid pollfd, the length given; no timeout.
                    unsafe { libc::poll(&mut fd, 1, -1) };
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.output.clear();
        Ok(())
    }
}

impl Connection for Conn {
    type Error = std::io::Error;

    fn write(&mut self, byte: u8) -> Result<(), Self::Error> {
        self.output.push(byte);
        Ok(())
    }

    fn write_all(&mut self, buf: &[u8]) -> Result<(), Self::Error> {
        self.output.extend_from_slice(buf);
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.send()
    }
}

impl ConnectionExt for Conn {
    fn read(&mut self) -> Result<u8, Self::Error> {
        loop {
            if self.fill() {
                return Ok(self.input.pop_front().expect("filled"));
            }
            if self.closed {
                return Err(ErrorKind::UnexpectedEof.into());
            }
            self.wait_readable();
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, Self::Error> {
        if self.fill() {
            return Ok(self.input.front().copied());
        }
        if self.closed {
            return Err(ErrorKind::UnexpectedEof.into());
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes written go out together on flush; bytes sent arrive through `peek` and
    /// `read` in order; the end of the connection is an error.
    #[test]
    fn buffered_both_ways() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        let mut conn = Conn::new(server).unwrap();
        conn.write_all(b"$OK").unwrap();
        conn.write(b'#').unwrap();
        conn.flush().unwrap();
        let mut got = [0u8; 4];
        client.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"$OK#");
        Write::write_all(&mut client, b"+$g#67").unwrap();
        let mut seen = Vec::new();
        while seen.len() < 6 {
            if conn.peek().unwrap().is_some() {
                seen.push(conn.read().unwrap());
            }
        }
        assert_eq!(seen, b"+$g#67");
        drop(client);
        loop {
            match conn.peek() {
                Ok(None) => continue,
                Ok(Some(b)) => panic!("a byte after the end: {b}"),
                Err(e) => {
                    assert_eq!(e.kind(), ErrorKind::UnexpectedEof);
                    break;
                }
            }
        }
    }
}
