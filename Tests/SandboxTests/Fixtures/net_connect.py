"""Tries TCP to the local PostgreSQL and to outside addresses, UDP out, and a unix socket."""
import socket
import attacklib


def probe(what, family, kind, address):
    try:
        s = socket.socket(family, kind)
    except OSError as error:
        attacklib.result(what, "DENIED socket: %s" % error)
        return
    try:
        s.settimeout(1.0)
        if kind == socket.SOCK_DGRAM:
            s.sendto(b"x", address)
            attacklib.result(what, "ESCAPED sent datagram")
        else:
            s.connect(address)
            attacklib.result(what, "ESCAPED connected")
    except OSError as error:
        attacklib.result(what, "DENIED connect: %s" % error)
    finally:
        s.close()


def attack(tick):
    probe("tcp-postgres", socket.AF_INET, socket.SOCK_STREAM, ("127.0.0.1", 5432))
    probe("tcp-outside", socket.AF_INET, socket.SOCK_STREAM, ("1.1.1.1", 80))
    probe("udp-outside", socket.AF_INET, socket.SOCK_DGRAM, ("8.8.8.8", 53))
    probe("unix-postgres", socket.AF_UNIX, socket.SOCK_STREAM, "/var/run/postgresql/.s.PGSQL.5432")


attacklib.run(attack)
