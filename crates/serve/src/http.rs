//! A small HTTP/1.1 server for the local preview, written for what `serve` needs and no more: GET and HEAD, one
//! request per connection, each connection on a small thread of its own up to a fixed number of connections
//! (past it, 503 at once: threads are never spawned without limit), read and write timeouts (a client that sends
//! slowly or never reads holds only its own thread, and only for that long), only `Host: 127.0.0.1:PORT` or
//! `localhost:PORT` (a page on another site cannot reach the preview through DNS rebinding), and the security
//! headers a real host should send.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Connections served at the same time; past these, 503.
pub(crate) const CONNESSIONI: usize = 256;
/// How long a client may take to send its request or to read a chunk of the answer.
const ATTESA: Duration = Duration::from_secs(5);
/// A request head larger than this is refused.
const TESTA_MASSIMA: u64 = 16 * 1024;

/// The headers every answer carries: the same policy as the pages' `<meta>`, plus what only a header can say.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// An answer.
#[derive(Debug)]
pub(crate) struct Risposta {
    pub(crate) stato: u16,
    pub(crate) tipo: &'static str,
    pub(crate) corpo: Vec<u8>,
}

/// What a handler does with a request path.
pub(crate) type Gestore = dyn Fn(&str) -> Risposta + Send + Sync;

/// Accepts connections on `listener` forever, answering with `gestore`.
pub(crate) fn servi(listener: TcpListener, porta: u16, gestore: Arc<Gestore>) {
    let aperte = Arc::new(AtomicUsize::new(0));
    for mut c in listener.incoming().flatten() {
        if aperte.load(Ordering::SeqCst) >= CONNESSIONI {
            let _ = c.set_write_timeout(Some(Duration::from_millis(200)));
            let _ = scrivi(&mut c, &testo(503, "Troppe connessioni aperte: riprova."), false);
            continue;
        }
        aperte.fetch_add(1, Ordering::SeqCst);
        let (conto, gestore) = (Arc::clone(&aperte), Arc::clone(&gestore));
        let avviato = std::thread::Builder::new().stack_size(256 * 1024).spawn(move || {
            let _ = c.set_read_timeout(Some(ATTESA));
            let _ = c.set_write_timeout(Some(ATTESA));
            let _ = rispondi(&mut c, porta, &*gestore);
            conto.fetch_sub(1, Ordering::SeqCst);
        });
        if avviato.is_err() {
            // No thread for it: the connection was dropped with the closure, and is no longer counted.
            aperte.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Reads one request and answers it.
fn rispondi(c: &mut TcpStream, porta: u16, gestore: &Gestore) -> std::io::Result<()> {
    let mut lettore = BufReader::new((&*c).take(TESTA_MASSIMA));
    let mut riga = String::new();
    lettore.read_line(&mut riga)?;
    let mut parti = riga.split_whitespace();
    let (metodo, percorso) = (parti.next().unwrap_or_default().to_string(), parti.next().unwrap_or("/").to_string());
    let mut host = None;
    loop {
        let mut intestazione = String::new();
        if lettore.read_line(&mut intestazione)? == 0 {
            return scrivi(c, &testo(400, "Richiesta incompleta."), false);
        }
        let intestazione = intestazione.trim_end();
        if intestazione.is_empty() {
            break;
        }
        if let Some((k, v)) = intestazione.split_once(':') {
            if k.trim().eq_ignore_ascii_case("host") {
                host = Some(v.trim().to_ascii_lowercase());
            }
        }
    }
    let risposta = if !host.as_deref().is_some_and(|h| host_ammesso(h, porta)) {
        testo(403, "Host non ammesso: apri l'anteprima da http://127.0.0.1 o http://localhost.")
    } else if metodo != "GET" && metodo != "HEAD" {
        testo(405, "Metodo non ammesso.")
    } else {
        gestore(&percorso)
    };
    scrivi(c, &risposta, metodo == "HEAD")
}

/// `127.0.0.1` or `localhost`, with this port or none: a name that resolves here through someone else's DNS
/// (rebinding) is refused.
fn host_ammesso(host: &str, porta: u16) -> bool {
    let (nome, p) = match host.rsplit_once(':') {
        Some((n, p)) => (n, p.parse::<u16>().ok()),
        None => (host, Some(porta)),
    };
    matches!(nome, "127.0.0.1" | "localhost") && p == Some(porta)
}

fn testo(stato: u16, messaggio: &str) -> Risposta {
    Risposta { stato, tipo: "text/plain; charset=utf-8", corpo: messaggio.as_bytes().to_vec() }
}

fn scrivi(c: &mut TcpStream, r: &Risposta, solo_testa: bool) -> std::io::Result<()> {
    let motivo = match r.stato {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let testa = format!(
        "HTTP/1.1 {} {motivo}\r\nContent-Type: {}\r\nContent-Length: {}\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: {CSP}\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        r.stato,
        r.tipo,
        r.corpo.len()
    );
    c.write_all(testa.as_bytes())?;
    if !solo_testa {
        c.write_all(&r.corpo)?;
    }
    c.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn avvia() -> u16 {
        let l = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let porta = l.local_addr().unwrap().port();
        let gestore: Arc<Gestore> = Arc::new(|p: &str| Risposta {
            stato: 200,
            tipo: "text/html",
            corpo: format!("pagina {p}").repeat(20_000).into_bytes(),
        });
        std::thread::spawn(move || servi(l, porta, gestore));
        porta
    }

    fn chiedi(porta: u16, host: &str) -> String {
        let mut c = TcpStream::connect(("127.0.0.1", porta)).unwrap();
        write!(c, "GET /a HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        let mut out = String::new();
        c.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn security_headers_and_the_host_check() {
        let porta = avvia();
        let ok = chiedi(porta, &format!("127.0.0.1:{porta}"));
        assert!(ok.starts_with("HTTP/1.1 200") && ok.contains("X-Content-Type-Options: nosniff"), "{}", &ok[..200]);
        assert!(ok.contains("frame-ancestors 'none'"));
        assert!(chiedi(porta, &format!("localhost:{porta}")).starts_with("HTTP/1.1 200"));
        assert!(chiedi(porta, &format!("attacker.example:{porta}")).starts_with("HTTP/1.1 403"));
    }

    #[test]
    fn clients_that_never_read_do_not_stall_the_others() {
        let porta = avvia();
        // Idle and non-reading clients: a server answering in one loop, or with a small pool, would stall.
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
        let inizio = Instant::now();
        let r = chiedi(porta, &format!("127.0.0.1:{porta}"));
        assert!(r.starts_with("HTTP/1.1 200"));
        assert!(inizio.elapsed() < ATTESA, "{:?}", inizio.elapsed());
        drop((lenti, muti));
    }
}
