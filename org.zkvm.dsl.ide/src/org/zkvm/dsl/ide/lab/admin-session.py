# zknet lab: the admin's session into a host, as an SSH session would be: one TCP connection,
# opened before setup and kept through the whole run, passing data every 0.2 s.
#   server ADDRESS PORT          (in the host's namespace) echoes what it receives
#   client ADDRESS PORT STATUS   (in the admin's namespace) writes "alive N TIME" or "broken N REASON" to STATUS
import os
import socket
import sys
import time


def server(address, port):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((address, port))
    listener.listen(1)
    connection, _ = listener.accept()
    while True:
        data = connection.recv(4096)
        if not data:
            return
        connection.sendall(data)


def client(address, port, status):
    def write(text):
        with open(status + ".tmp", "w") as f:
            f.write(text + "\n")
        os.replace(status + ".tmp", status)

    count = 0
    try:
        connection = socket.create_connection((address, port), timeout=5)
        connection.settimeout(3)
        while True:
            connection.sendall(b"zknet\n")
            received = b""
            while len(received) < 6:
                chunk = connection.recv(6 - len(received))
                if not chunk:
                    raise ConnectionError("closed by the host")
                received += chunk
            count += 1
            write("alive %d %.3f" % (count, time.time()))
            time.sleep(0.2)
    except Exception as e:  # the session is over: say why
        write("broken %d %s" % (count, e))


if sys.argv[1] == "server":
    server(sys.argv[2], int(sys.argv[3]))
else:
    client(sys.argv[2], int(sys.argv[3]), sys.argv[4])
