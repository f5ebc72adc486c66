#!/usr/bin/env bash
# `kith sync` end to end with the real engine (issue 21, point 6): Radicale on 127.0.0.1 with a
# temp storage and no auth, and two vdirsyncer configurations — "laptop" (kith's vdir <->
# Radicale) and "phone" (another vdir <-> Radicale). A contact added in kith appears on the
# phone; a number added on the phone reaches kith with kith's notes intact; a deletion on either
# side arrives; edits on both sides between syncs both survive.
#
#   usage: tests/sync/radicale_vdirsyncer.sh KITH_BINARY
# Exits 77 (CTest: skipped) with a message when radicale or vdirsyncer is not installed.
set -euo pipefail

KITH=$(realpath "$1")
for tool in radicale vdirsyncer python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIPPED: $tool is not installed (apt install radicale vdirsyncer)"
        exit 77
    fi
done

WORK=$(mktemp -d)
RADICALE_PID=
cleanup() {
    [ -n "$RADICALE_PID" ] && kill "$RADICALE_PID" 2>/dev/null && wait "$RADICALE_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "FAILED: $*" >&2
    [ -f "$WORK/radicale.log" ] && tail -20 "$WORK/radicale.log" >&2
    exit 1
}

# A free port, chosen by the kernel.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# Radicale's storage with one address book made beforehand, as Radicale lays it out, so that
# nothing has to answer `vdirsyncer discover`.
mkdir -p "$WORK/radicale/collection-root/kith/contacts"
echo '{"tag": "VADDRESSBOOK", "D:displayname": "contacts"}' >"$WORK/radicale/collection-root/kith/contacts/.Radicale.props"
radicale --config "" --server-hosts "127.0.0.1:$PORT" --storage-filesystem-folder "$WORK/radicale" \
    --auth-type none --rights-type owner_only --logging-level warning >"$WORK/radicale.log" 2>&1 &
RADICALE_PID=$!
for _ in $(seq 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null; then break; fi
    kill -0 "$RADICALE_PID" 2>/dev/null || fail "radicale did not start"
    sleep 0.1
done
python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null || fail "radicale is not listening"

# One vdirsyncer configuration per device, each with its own vdir and status.
for device in laptop phone; do
    mkdir -p "$WORK/$device/vdir"
    cat >"$WORK/$device/config" <<CONFIG
[general]
status_path = "$WORK/$device/status/"

[pair contacts]
a = "local"
b = "server"
collections = null
conflict_resolution = "b wins"

[storage local]
type = "filesystem"
path = "$WORK/$device/vdir/"
fileext = ".vcf"

[storage server]
type = "carddav"
url = "http://127.0.0.1:$PORT/kith/contacts/"
username = "kith"
password = "kith"
CONFIG
    vdirsyncer -c "$WORK/$device/config" discover >/dev/null 2>&1 </dev/null || fail "vdirsyncer discover ($device)"
done
vds() { vdirsyncer -c "$WORK/$1/config" sync >"$WORK/vdirsyncer.log" 2>&1 || { cat "$WORK/vdirsyncer.log" >&2; fail "vdirsyncer sync ($1)"; }; }

export KITH_DB=$WORK/kith.db KITH_CONFIG=$WORK/none.toml KITH_TODAY=2026-11-22
k() { "$KITH" "$@"; }
# The laptop's routine, as the README's cron line runs it.
laptop() { vds laptop && k sync --vdir "$WORK/laptop/vdir" >"$WORK/sync.out" && vds laptop; }
phone_card() { grep -l "^FN:$1" "$WORK/phone/vdir/"*.vcf 2>/dev/null | head -1; }
kith_card() { grep -l "^FN:$1" "$WORK/laptop/vdir/"*.vcf 2>/dev/null | head -1; }
edit_card() {  # FILE SED-EXPRESSION: the card changed in place, as a phone app would
    sed -i "$2" "$1"
}

echo "1. a contact added in kith appears on the phone"
k add "Sam Lee" --email sam@example.com --company Acme >/dev/null
k note sam "Her mum is having a hip operation next month" >/dev/null
k add "Priya Shah" --birthday 1986-10-12 >/dev/null
k add "Tom Reed" >/dev/null
laptop
vds phone
SAM=$(phone_card "Sam Lee") || true
[ -n "$SAM" ] || fail "Sam Lee's card did not reach the phone"
grep -q "^EMAIL.*sam@example.com" "$SAM" || fail "Sam's e-mail is not on the phone"
[ -n "$(phone_card "Priya Shah")" ] || fail "Priya Shah's card did not reach the phone"

echo "2. a number added on the phone reaches kith, with kith's notes intact"
edit_card "$SAM" 's/^END:VCARD/TEL;TYPE=CELL:+1 555 0199\r\nEND:VCARD/'
vds phone
laptop
grep -q "in:  updated  Sam Lee (#1): phones" "$WORK/sync.out" || fail "kith sync did not say Sam's number came in: $(cat "$WORK/sync.out")"
k show sam | grep -q "+1 555 0199" || fail "the phone's number is not in kith"
k show sam | grep -q "hip operation" || fail "kith's note on Sam is gone"

echo "3. a deletion on either side arrives"
rm "$(phone_card "Tom Reed")"
vds phone
laptop
k show tom | grep -q "archived" || fail "Tom's card deleted on the phone did not archive him in kith"
[ -z "$(kith_card "Tom Reed")" ] || fail "Tom's card is still in kith's folder"
k rm priya --yes >/dev/null
laptop
vds phone
[ -z "$(phone_card "Priya Shah")" ] || fail "Priya, removed in kith, is still on the phone"

echo "4. edits on both sides between syncs both survive"
SAM=$(phone_card "Sam Lee")
edit_card "$SAM" 's/^END:VCARD/NICKNAME:Sammy\r\nEND:VCARD/'
vds phone
k edit sam --company Initech >/dev/null
laptop
vds phone
SAM=$(phone_card "Sam Lee")
grep -q "^ORG:Initech" "$SAM" || fail "kith's company change did not reach the phone"
grep -q "^NICKNAME:Sammy" "$SAM" || fail "the phone's nickname was lost"
k show sam | grep -q "Sammy" || fail "the phone's nickname did not reach kith"
k show sam | grep -q "Initech" || fail "kith's company change was lost"

echo "5. nothing changed: nothing written"
BEFORE=$(ls -li --time-style=full-iso "$WORK/laptop/vdir")
HISTORY=$(k undo --list --format tsv | wc -l)
laptop
grep -q "Nothing to sync" "$WORK/sync.out" || fail "a sync with nothing changed did something: $(cat "$WORK/sync.out")"
[ "$BEFORE" = "$(ls -li --time-style=full-iso "$WORK/laptop/vdir")" ] || fail "a sync with nothing changed wrote a file"
[ "$HISTORY" = "$(k undo --list --format tsv | wc -l)" ] || fail "a sync with nothing changed was kept for undo"

echo "OK"
