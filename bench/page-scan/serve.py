"""Serves the benchmark page on 127.0.0.1 and prints the one result it POSTs, then exits.

Usage: python3 serve.py DIR PORT_FILE TIMEOUT_S  (writes the chosen port to PORT_FILE)."""
import http.server
import json
import sys
import threading

root, port_file, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
done = threading.Event()


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=root, **kwargs)

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(204)
        self.end_headers()
        print(json.dumps(json.loads(body), indent=2), flush=True)
        done.set()


Handler.extensions_map = {**Handler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
threading.Thread(target=server.serve_forever, daemon=True).start()
ok = done.wait(timeout)
server.shutdown()
sys.exit(0 if ok else 1)
