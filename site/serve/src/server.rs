//! The HTTP side of the preview, on hyper (HTTP/1.1, keep-alive, HEAD) and tokio. What a preview on someone's
//! machine must resist, each bound stated here:
//! - a whole request head must arrive within [`TIMEOUT`] (a client that drips a byte every few seconds is closed
//!   then; the same timer closes a keep-alive connection left idle), and every write must progress within it (a
//!   client that never reads is closed);
//! - at most [`MAX_CONNECTIONS`] connections at once: past them, 503 at once and the connection closed;
//! - a request with a body is refused (the preview only reads), a head over 16 KiB too;
//! - only `Host: 127.0.0.1:PORT` or `localhost:PORT` (a page on another site cannot reach the preview through DNS
//!   rebinding);
//! - the security headers a real host should send, on every answer.

use crate::response::{Request, Response};
use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ACCEPT_ENCODING, HOST, IF_NONE_MATCH};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;

/// Connections served at the same time; past these, 503.
pub(crate) const MAX_CONNECTIONS: usize = 256;
/// How long a client may take to send a whole request head, to stay idle between requests, or to take a chunk of
/// an answer.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(5);
/// The largest request head read (hyper's buffer; its minimum is 8 KiB).
const MAX_HEAD: usize = 16 * 1024;

/// The headers every answer carries: the same policy as the pages' `<meta>`, plus what only a header can say.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What answers a request, given what it asks.
pub(crate) type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// Serves `listener` forever with `gestore`. Returns only if the runtime cannot start.
pub(crate) fn run(listener: std::net::TcpListener, porta: u16, gestore: Arc<Handler>) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("non riesco ad avviare il server: {e}"))?;
    runtime.block_on(async move {
        listener.set_nonblocking(true).map_err(|e| format!("non riesco ad avviare il server: {e}"))?;
        let listener =
            tokio::net::TcpListener::from_std(listener).map_err(|e| format!("non riesco ad avviare il server: {e}"))?;
        let posti = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
        loop {
            let Ok((flusso, _)) = listener.accept().await else { continue };
            match Arc::clone(&posti).try_acquire_owned() {
                Ok(posto) => {
                    let gestore = Arc::clone(&gestore);
                    tokio::spawn(async move {
                        connessione(flusso, porta, gestore).await;
                        drop(posto);
                    });
                }
                Err(_) => {
                    tokio::spawn(rifiuta(flusso));
                }
            }
        }
    })
}

/// One connection, with its bounds.
async fn connessione(flusso: tokio::net::TcpStream, porta: u16, gestore: Arc<Handler>) {
    let mut limitato = tokio_io_timeout::TimeoutStream::new(flusso);
    limitato.set_write_timeout(Some(TIMEOUT));
    let io = hyper_util::rt::TokioIo::new(Box::pin(limitato));
    let servizio = hyper::service::service_fn(move |r: hyper::Request<Incoming>| {
        let risposta = handle(&r, porta, &*gestore);
        async move { Ok::<_, Infallible>(risposta) }
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(TIMEOUT)
        .max_buf_size(MAX_HEAD)
        .serve_connection(io, servizio)
        .await;
}

/// The answer past [`MAX_CONNECTIONS`]: written if the client takes it at once, then the connection closed.
async fn rifiuta(mut flusso: tokio::net::TcpStream) {
    let corpo = "Troppe connessioni aperte: riprova.";
    let testa = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{corpo}",
        corpo.len()
    );
    let _ = tokio::time::timeout(Duration::from_millis(200), flusso.write_all(testa.as_bytes())).await;
}

/// Checks the request, asks `gestore`, adds the security headers.
fn handle(r: &hyper::Request<Incoming>, porta: u16, gestore: &Handler) -> hyper::Response<Full<Bytes>> {
    let testa = |nome| r.headers().get(nome).and_then(|v: &HeaderValue| v.to_str().ok());
    let host = testa(HOST).map(str::to_ascii_lowercase);
    let con_corpo = r.headers().contains_key(hyper::header::TRANSFER_ENCODING)
        || testa(hyper::header::CONTENT_LENGTH).is_some_and(|n| n.trim() != "0");
    let metodo = r.method();
    let mut risposta = if !host.as_deref().is_some_and(|h| host_allowed(h, porta)) {
        Response::text(403, "Host non ammesso: apri l'anteprima da http://127.0.0.1 o http://localhost.")
    } else if metodo != hyper::Method::GET && metodo != hyper::Method::HEAD {
        let mut r = Response::text(405, "Metodo non ammesso.");
        r.headers.push(("allow", "GET, HEAD".into()));
        r
    } else if con_corpo {
        Response::text(400, "L'anteprima non accetta richieste con un corpo.")
    } else {
        let richiesta =
            Request { path: r.uri().path(), encodings: testa(ACCEPT_ENCODING), if_none_match: testa(IF_NONE_MATCH) };
        gestore(&richiesta)
    };
    if con_corpo {
        // hyper closes the connection after an answer that says so: the body is never read.
        risposta.headers.push(("connection", "close".into()));
    }
    let mut out = hyper::Response::new(Full::new(Bytes::from(std::mem::take(&mut risposta.body))));
    *out.status_mut() =
        hyper::StatusCode::from_u16(risposta.status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let h = out.headers_mut();
    let sicurezza = [
        ("x-content-type-options", "nosniff"),
        ("content-security-policy", CSP),
        ("referrer-policy", "no-referrer"),
        ("cross-origin-opener-policy", "same-origin"),
    ];
    for (k, v) in risposta.headers.iter().map(|(k, v)| (*k, v.as_str())).chain(sicurezza) {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.append(k, v);
        }
    }
    out
}

/// `127.0.0.1` or `localhost`, with this port or none: a name that resolves here through someone else's DNS
/// (rebinding) is refused.
fn host_allowed(host: &str, porta: u16) -> bool {
    let (nome, p) = match host.rsplit_once(':') {
        Some((n, p)) => (n, p.parse::<u16>().ok()),
        None => (host, Some(porta)),
    };
    matches!(nome, "127.0.0.1" | "localhost") && p == Some(porta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::time::Instant;

    fn start() -> u16 {
        let l = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let porta = l.local_addr().unwrap().port();
        let gestore: Arc<Handler> = Arc::new(|r: &Request| {
            let mut risposta = Response::text(200, &format!("pagina {}", r.path).repeat(20_000));
            risposta.headers[0].1 = "text/html; charset=utf-8".into();
            risposta
        });
        std::thread::spawn(move || run(l, porta, gestore));
        porta
    }

    /// Sends `richieste` on one connection and reads until the server closes it.
    fn swap(porta: u16, richieste: &str) -> String {
        let mut c = TcpStream::connect(("127.0.0.1", porta)).unwrap();
        c.write_all(richieste.as_bytes()).unwrap();
        let mut out = Vec::new();
        let _ = c.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn get(porta: u16, host: &str) -> String {
        swap(porta, &format!("GET /a HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"))
    }

    #[test]
    fn security_headers_and_the_host_check() {
        let porta = start();
        let ok = get(porta, &format!("127.0.0.1:{porta}"));
        assert!(ok.starts_with("HTTP/1.1 200") && ok.contains("x-content-type-options: nosniff"), "{}", &ok[..300]);
        assert!(ok.contains("frame-ancestors 'none'"));
        assert!(get(porta, &format!("localhost:{porta}")).starts_with("HTTP/1.1 200"));
        assert!(get(porta, &format!("attacker.example:{porta}")).starts_with("HTTP/1.1 403"));
        let post = swap(porta, &format!("POST /a HTTP/1.1\r\nHost: 127.0.0.1:{porta}\r\nContent-Length: 1\r\n\r\nx"));
        assert!(post.starts_with("HTTP/1.1 405") && post.contains("allow: GET, HEAD"), "{post}");
    }

    #[test]
    fn keep_alive_and_head() {
        let porta = start();
        let h = format!("Host: 127.0.0.1:{porta}");
        let out =
            swap(porta, &format!("HEAD /a HTTP/1.1\r\n{h}\r\n\r\nGET /b HTTP/1.1\r\n{h}\r\nConnection: close\r\n\r\n"));
        assert_eq!(out.matches("HTTP/1.1 200").count(), 2, "two answers on one connection");
        let (head, get) = out.split_at(out.rfind("HTTP/1.1 200").unwrap());
        assert!(head.contains("content-length: 180000") && head.ends_with("\r\n\r\n"), "HEAD: length, no body: {head}");
        assert!(get.ends_with("pagina /b"), "{}", &get[get.len() - 40..]);
    }

    #[test]
    fn a_client_dripping_its_request_is_closed_while_others_are_served() {
        let porta = start();
        // Clients that send a byte every second: each must be cut off once the head's deadline has passed.
        let lenti: Vec<_> = (0..20)
            .map(|_| {
                std::thread::spawn(move || {
                    let mut c = TcpStream::connect(("127.0.0.1", porta)).unwrap();
                    c.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
                    let inizio = Instant::now();
                    for b in format!("GET /a HTTP/1.1\r\nHost: 127.0.0.1:{porta}\r\nX-Lento: ").bytes().cycle() {
                        if c.write_all(&[b]).is_err() || c.read(&mut [0u8; 64]).is_ok_and(|n| n == 0) {
                            return inizio.elapsed();
                        }
                        std::thread::sleep(Duration::from_millis(1000));
                        if inizio.elapsed() > TIMEOUT * 4 {
                            return inizio.elapsed();
                        }
                    }
                    unreachable!()
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(500));
        assert!(get(porta, &format!("127.0.0.1:{porta}")).starts_with("HTTP/1.1 200"), "others are served meanwhile");
        for l in lenti {
            let durata = l.join().unwrap();
            assert!(durata < TIMEOUT * 4, "a dripping client kept its connection for {durata:?}");
        }
    }

    #[test]
    fn clients_that_never_read_do_not_stall_the_others() {
        let porta = start();
        let lenti: Vec<TcpStream> = (0..40)
            .map(|_| {
                let mut c = TcpStream::connect(("127.0.0.1", porta)).unwrap();
                for _ in 0..50 {
                    let _ = write!(c, "GET /a HTTP/1.1\r\nHost: 127.0.0.1:{porta}\r\n\r\n");
                }
                c
            })
            .collect();
        let muti: Vec<TcpStream> = (0..40).map(|_| TcpStream::connect(("127.0.0.1", porta)).unwrap()).collect();
        assert!(get(porta, &format!("127.0.0.1:{porta}")).starts_with("HTTP/1.1 200"));
        drop((lenti, muti));
    }
}
