#!/usr/bin/env python3
"""The README's hosting snippets, tested (issue 31): nginx and Apache, each configured with the snippet exactly as
the README prints it (read from the README, only the site's path replaced), serve a built site; each must send
the build's brotli and gzip copies to browsers that accept them and the file itself to those that do not, with
the right types, `Vary: Accept-Encoding`, `immutable` for fingerprinted names and `no-cache` for pages, 304 to a
browser that has the page, the site's 404 page, and the security headers.

usage: python3 tests/hosting/prova.py [SITE]   (default target/test-site, built by `civis-guida build`)
needs: nginx, libnginx-mod-http-brotli-static, apache2 (Debian): apt-get install -y nginx libnginx-mod-http-brotli-static apache2
"""
import gzip, http.client, os, re, shutil, socket, subprocess, sys, tempfile, time

RADICE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SITO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(RADICE, "target", "test-site"))
APT = "apt-get install -y nginx libnginx-mod-http-brotli-static apache2"
BROTLI_NGINX = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
MODULI_APACHE = "/usr/lib/apache2/modules"
PERCORSO = "/srv/guida-civis/public"


def snippet(nome):
    """The code block after the README's `<!-- snippet: NOME` marker, unindented."""
    testo = open(os.path.join(RADICE, "README.md"), encoding="utf-8").read()
    i = testo.index(f"<!-- snippet: {nome}")
    blocco = re.search(r"```\w+\n(.*?)\n\s*```", testo[i:], re.S).group(1)
    return "\n".join(riga[2:] if riga.startswith("  ") else riga for riga in blocco.splitlines())


def porta_libera():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chiedi(porta, percorso, intestazioni=None):
    c = http.client.HTTPConnection("127.0.0.1", porta, timeout=10)
    c.request("GET", percorso, headers=intestazioni or {})
    r = c.getresponse()
    corpo = r.read()
    out = (r.status, {k.lower(): v for k, v in r.getheaders()}, corpo)
    c.close()
    return out


def attendi(porta, processo, log):
    for _ in range(100):
        if processo.poll() is not None:
            sys.exit(f"the server stopped: {open(log).read() if os.path.exists(log) else ''}")
        try:
            socket.create_connection(("127.0.0.1", porta), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("the server did not start")


def nginx(cartella, sito, porta):
    conf = os.path.join(cartella, "nginx.conf")
    temporanei = "\n".join(f"    {k}_temp_path {cartella}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    utente = "user root;\n" if os.geteuid() == 0 else ""
    with open(conf, "w") as f:
        f.write(f"""load_module {BROTLI_NGINX};
{utente}daemon off;
worker_processes 1;
pid {cartella}/nginx.pid;
error_log {cartella}/nginx-error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temporanei}
    server {{
        listen 127.0.0.1:{porta};
{snippet("nginx").replace(PERCORSO, sito)}
    }}
}}
""")
    return subprocess.Popen(["nginx", "-c", conf, "-p", cartella], stderr=subprocess.DEVNULL), f"{cartella}/nginx-error.log"


def apache(cartella, sito, porta):
    conf = os.path.join(cartella, "apache.conf")
    moduli = ["mpm_event", "authz_core", "alias", "dir", "mime", "rewrite", "headers"]
    carica = "\n".join(f"LoadModule {m}_module {MODULI_APACHE}/mod_{m}.so" for m in moduli)
    os.makedirs(os.path.join(cartella, "vuota"), exist_ok=True)
    with open(conf, "w") as f:
        f.write(f"""{carica}
ServerRoot {cartella}
ServerName localhost
Listen 127.0.0.1:{porta}
PidFile {cartella}/apache.pid
ErrorLog {cartella}/apache-error.log
TypesConfig /etc/mime.types
User nobody
Group nogroup
DocumentRoot {cartella}/vuota
{snippet("apache").replace(PERCORSO, sito)}
""")
    return subprocess.Popen(["apache2", "-f", conf, "-DFOREGROUND"], stderr=subprocess.DEVNULL), f"{cartella}/apache-error.log"


def file_con_impronta(sito, cartella, inizio, fine):
    return next(f for f in sorted(os.listdir(os.path.join(sito, cartella))) if f.startswith(inizio) and f.endswith(fine)
                and re.search(r"\.[0-9a-f]{16}\.", f))


def verifica(nome, porta, sito):
    problemi = []
    base = "/guida-civis/"
    leggi = lambda rel: open(os.path.join(sito, rel), "rb").read()

    def controlla(cosa, condizione):
        if not condizione:
            problemi.append(f"{nome}: {cosa}")

    wasm = "assistente/pkg/" + file_con_impronta(sito, "assistente/pkg", "civis_wizard_bg.", ".wasm")
    stile = file_con_impronta(sito, ".", "style.", ".css")
    avvio = "assistente/pkg/" + file_con_impronta(sito, "assistente/pkg", "avvio.", ".js")
    casi = [("assistente/", "assistente/index.html", "text/html", "no-cache"),
            (stile, stile, "text/css", "immutable"),
            (avvio, avvio, "javascript", "immutable"),
            (wasm, wasm, "application/wasm", "immutable")]
    for url, file, tipo, cache in casi:
        for codifica, suffisso in (("br", ".br"), ("gzip", ".gz"), (None, "")):
            ae = {"Accept-Encoding": codifica} if codifica else {}
            stato, h, corpo = chiedi(porta, base + url, ae)
            chi = f"{url} ({codifica or 'identity'})"
            controlla(f"{chi}: status {stato}", stato == 200)
            controlla(f"{chi}: Content-Encoding {h.get('content-encoding')}", h.get("content-encoding") == codifica)
            controlla(f"{chi}: the bytes of {file}{suffisso}", corpo == leggi(file + suffisso))
            # text/javascript or application/javascript: both are JavaScript to a browser.
            controlla(f"{chi}: Content-Type {h.get('content-type')}", tipo in (h.get("content-type") or ""))
            controlla(f"{chi}: Vary {h.get('vary')}", "accept-encoding" in (h.get("vary") or "").lower())
            controlla(f"{chi}: Cache-Control {h.get('cache-control')}", cache in (h.get("cache-control") or ""))
            controlla(f"{chi}: nosniff", h.get("x-content-type-options") == "nosniff")
            controlla(f"{chi}: CSP", "wasm-unsafe-eval" in (h.get("content-security-policy") or ""))
            if codifica == "gzip":
                controlla(f"{chi}: decompresses to {file}", gzip.decompress(corpo) == leggi(file))
        stato, h, _ = chiedi(porta, base + url, {"Accept-Encoding": "gzip"})
        etag = h.get("etag")
        controlla(f"{url}: ETag", bool(etag))
        if etag:
            stato, _, corpo = chiedi(porta, base + url, {"Accept-Encoding": "gzip", "If-None-Match": etag})
            controlla(f"{url}: 304 to a browser that has it (got {stato})", stato == 304 and corpo == b"")
    stato, h, corpo = chiedi(porta, base + "non-esiste/")
    controlla(f"missing page: status {stato}", stato == 404)
    controlla("missing page: the site's 404 page", b"<html" in corpo and corpo.strip()[:200] == leggi("404.html").strip()[:200])
    return problemi


def main():
    mancanti = [c for c in ("nginx", "apache2") if shutil.which(c) is None]
    if mancanti or not os.path.exists(BROTLI_NGINX):
        sys.exit(f"tests/hosting: missing {', '.join(mancanti) or 'the nginx brotli module'}: run: {APT}")
    if not os.path.isfile(os.path.join(SITO, "index.html.br")):
        sys.exit(f"tests/hosting: no built site with compressed copies in {SITO}: run civis-guida build first")
    problemi = []
    with tempfile.TemporaryDirectory(prefix="civis-hosting-") as cartella:
        os.chmod(cartella, 0o755)
        # A copy every worker may read (Apache's run as nobody).
        sito = os.path.join(cartella, "public")
        shutil.copytree(SITO, sito)
        for dirpath, dirnames, filenames in os.walk(sito):
            os.chmod(dirpath, 0o755)
            for f in filenames:
                os.chmod(os.path.join(dirpath, f), 0o644)
        for nome, avvia in (("nginx", nginx), ("apache", apache)):
            porta = porta_libera()
            processo, log = avvia(cartella, sito, porta)
            try:
                attendi(porta, processo, log)
                trovati = verifica(nome, porta, sito)
                problemi += trovati
                print(f"{nome}: {'ok' if not trovati else f'{len(trovati)} problems'}")
            finally:
                processo.terminate()
                processo.wait(timeout=10)
    if problemi:
        sys.exit("\n".join(problemi))


if __name__ == "__main__":
    main()
