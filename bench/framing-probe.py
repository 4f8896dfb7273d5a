#!/usr/bin/env python3
"""The HTTP/1.1 framing corpus of docs/reliability.md sent to any server on 127.0.0.1, a raw socket per case: prints
the status lines each case got and whether the server closed the connection (2 s wait). The suite's own assertions
are HttpFramingConformanceTest; this script compares servers (ours, h11, nginx) on the same bytes.

    bench/framing-probe.py PORT [case ...]          # TOKEN=<access token> to send it with every case
"""
import socket, sys, time, re, os
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
H="Host: 127.0.0.1\r\n" + (f"Authorization: Bearer {os.environ['TOKEN']}\r\n" if os.environ.get('TOKEN') else "")
J='{"title":"x"}'
cases = {
 "two CL differ": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: 13\r\nContent-Length: 5\r\n\r\n{J}",
 "two CL same": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: 13\r\nContent-Length: 13\r\n\r\n{J}",
 "CL list": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: 13, 13\r\n\r\n{J}",
 "CL+TE": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: 13\r\nTransfer-Encoding: chunked\r\n\r\nd\r\n{J}\r\n0\r\n\r\n",
 "TE xchunked": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nTransfer-Encoding: xchunked\r\n\r\nd\r\n{J}\r\n0\r\n\r\n",
 "TE gzip, chunked": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
 "TE chunked twice": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
 "bad chunk size": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{J}\r\n0\r\n\r\n",
 "huge chunk size": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n{J}\r\n0\r\n\r\n",
 "chunk ext": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nd;a=b\r\n{J}\r\n0\r\n\r\n",
 "chunk trailer": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nd\r\n{J}\r\n0\r\nX-T: 1\r\n\r\n",
 "chunk no crlf": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nd\r\n{J}XX0\r\n\r\n",
 "chunked ok": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nd\r\n{J}\r\n0\r\n\r\n",
 "CL +13": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: +13\r\n\r\n{J}",
 "CL -1": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{J}",
 "CL huge": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: 99999999999999999999999\r\n\r\n{J}",
 "CL 2GB": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n{J}",
 "CL hex": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nContent-Length: 0x0d\r\n\r\n{J}",
 "obs-fold": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: a\r\n  b\r\n\r\n",
 "obs-fold colon": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: a\r\n b: c\r\n\r\n",
 "ws before colon": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A : a\r\n\r\n",
 "ws before colon CL": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Length : 13\r\n\r\n{J}",
 "bare LF hdr": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: a\nX-B: b\r\n\r\n",
 "bare LF all": f"GET /api/v1/utils/health-check/ HTTP/1.1\n{H}\n",
 "bare CR": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: a\rb\r\n\r\n",
 "NUL in value": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: a\x00b\r\n\r\n",
 "ctl in value": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: a\x01b\r\n\r\n",
 "DEL in value": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: a\x7fb\r\n\r\n",
 "obs-text value": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X-A: caf\xe9\r\n\r\n",
 "bad name char": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}X(A): a\r\n\r\n",
 "empty name": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}: a\r\n\r\n",
 "two Host": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}{H}\r\n",
 "no Host": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n\r\n",
 "absolute form": f"GET http://127.0.0.1/api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "absolute form other host": f"GET http://evil.example/api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "http/1.0": "GET /api/v1/utils/health-check/ HTTP/1.0\r\n\r\n",
 "http/1.0 host": f"GET /api/v1/utils/health-check/ HTTP/1.0\r\n{H}\r\n",
 "http/2.0": f"GET /api/v1/utils/health-check/ HTTP/2.0\r\n{H}\r\n",
 "http/0.9": "GET /api/v1/utils/health-check/\r\n\r\n",
 "lowercase version": f"GET /api/v1/utils/health-check/ http/1.1\r\n{H}\r\n",
 "double space": f"GET  /api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "tab in line": f"GET\t/api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "expect no body": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}Expect: 100-continue\r\n\r\n",
 "expect body": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 13\r\n\r\n{J}",
 "expect other": f"POST /api/v1/items/ HTTP/1.1\r\n{H}Content-Type: application/json\r\nExpect: fancy\r\nContent-Length: 13\r\n\r\n{J}",
 "GET body": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}Content-Length: 13\r\n\r\n{J}GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "pipelined": f"GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\nGET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "leading CRLF": f"\r\nGET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "space method": f" GET /api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "NUL in target": f"GET /api/v1/utils/health\x00-check/ HTTP/1.1\r\n{H}\r\n",
 "bad method tok": f"G(T /api/v1/utils/health-check/ HTTP/1.1\r\n{H}\r\n",
 "TE on 1.0": f"POST /api/v1/items/ HTTP/1.0\r\n{H}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
}
def probe(name, data, wait=2.0):
    s=socket.create_connection(("127.0.0.1",PORT)); s.settimeout(wait)
    s.sendall(data.encode('latin-1'))
    buf=b""; closed=False
    t=time.time()
    try:
        while True:
            d=s.recv(65536)
            if not d: closed=True; break
            buf+=d
    except socket.timeout: pass
    except ConnectionResetError: closed=True
    s.close()
    lines=re.findall(rb"HTTP/1\.[01] \d\d\d[^\r]*", buf)
    print(f"{name:28s} {'CLOSED' if closed else 'open  '} {[l.decode() for l in lines]}")
only=sys.argv[2:] 
for n,d in cases.items():
    if not only or n in only: probe(n,d)
