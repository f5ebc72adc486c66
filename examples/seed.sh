#!/bin/sh
# Builds a small, believable kith database: the people around a freelance
# consultant -- clients, a prospect, a former colleague, a mentor, friends and
# family -- with notes and interactions spread over the past months and years.
#
#   usage: examples/seed.sh KITH_BINARY DATABASE
#   e.g.   examples/seed.sh build/kith /tmp/kith-demo.db
#          build/kith --db /tmp/kith-demo.db --today 2026-11-22 list
#
# DATABASE is deleted first. "Today" is pinned to 2026-11-20 while seeding, so
# the data set is the same whenever it is built; birthdays and event dates fall
# just before and after 2026-11-22, so try the commands with --today 2026-11-22.
# Only kith's own messages are printed (its standard output is discarded).
set -eu

if [ "$#" -ne 2 ]; then
    echo "usage: $0 KITH_BINARY DATABASE" >&2
    exit 2
fi

KITH=$1
DB=$2

rm -f -- "$DB" "$DB-wal" "$DB-shm"

k() {
    "$KITH" --db "$DB" --today 2026-11-20 "$@" >/dev/null
}

# ---------------------------------------------------------------- people ----

k add "Sam Smith" --company "Acme Logistics" --tag client \
    --email sam.smith@acme-logistics.example --phone "+1 617 555 0142" \
    --birthday 1986-03-15 --every 30d

k add "Priya Raman" --company "Globex" --tag client --tag design \
    --email priya@globex.example --phone "+44 20 7946 0958" \
    --birthday --11-25 --every 2w

k add "Marco Bianchi" --company "Panificio Bianchi" --tag client --tag small-business \
    --email marco@panificio-bianchi.example --phone "+1 617 555 0178" \
    --every monthly

k add "Renée Dubois" --nickname Ren --company "Initech" --tag colleague --tag friend \
    --email renee.dubois@initech.example --email ren.dubois@mail.example \
    --birthday 1984-11-27 --every quarterly

k add "Helen Okafor" --company "Northeastern University" --tag mentor \
    --email h.okafor@northeastern.example --every quarterly

k add "Tom Becker" --nickname Tommy --tag friend --tag running \
    --phone "+49 30 5550 7712" --birthday --03-02 --every 3w..6w

k add "Linda Carter" --nickname Mom --tag family \
    --phone "+1 508 555 0119" --birthday 1958-05-02 --every weekly

k add "Jake Carter" --tag family \
    --email jake.carter@mail.example --phone "+1 508 555 0164" \
    --birthday --08-19 --every monthly

k add "Aisha Khan" --company "Northwind Health" --tag prospect \
    --email aisha.khan@northwind-health.example --every 2w \
    --note "Wants a proposal before their December board meeting"

k add "Daniel Kim" --company "Hooli" --tag client \
    --email dkim@hooli.example --phone "+1 415 555 0133" \
    --birthday 1990-12-08 --every 30d

k add "Grace Liu" --company "Liu & Partners" --tag accountant \
    --email grace@liu-partners.example --phone "+1 617 555 0190" --every yearly

k add "Olivia Brooks" --company "Brooks Creative" --tag client \
    --email olivia@brooks-creative.example --every 30d

# ----------------------------------------------------------------- notes ----

k note "Sam Smith" --on 2024-05-16 "Met at the Boston product meetup; runs operations at Acme"
k note "Sam Smith" --on 2026-04-10 "His daughter Emma just got into Boston College #family"
k note "Sam Smith" --on 2025-10-02 "Die-hard Red Sox fan; never book him on a game night #baseball"
k note "Sam Smith" --on 2026-09-02 --event 2026-11-19 "Presenting the new routing system to the Acme board"
k note "Sam Smith" --on 2026-10-08 "Did the warehouse move to Worcester go ahead?"

k note "Priya Raman" --on 2026-06-18 "Loves hand-written feedback; hates 60-slide decks"
k note "Priya Raman" --on 2026-10-30 --event 2026-11-26 "Flying to Chennai for her sister's wedding #family"
k note "Priya Raman" --on 2026-11-12 --ask "Did Globex renew the design-system contract for 2027?"

k note "Marco Bianchi" --on 2026-08-21 "Struggling to keep the bakery going after the rent hike #business"
k note "Marco Bianchi" --on 2026-08-21 "Makes the best sfogliatelle in the North End"
k note "Marco Bianchi" --on 2026-10-15 --event 2026-11-18 "Launching online pre-orders for the holiday panettone"

k note "Renée Dubois" --on 2023-06-14 "Left Initech's platform team to lead data engineering"
k note "Renée Dubois" --on 2026-08-02 --event 2026-12-01 "Moving to Lisbon with her partner Joana #travel"
k note "Renée Dubois" --on 2026-08-02 "Has she found a flat in Alfama yet?"

k note "Helen Okafor" --on 2024-03-12 "Writing a book on consulting ethics; first draft due next summer"
k note "Helen Okafor" --on 2026-07-09 --ask "How is the book draft going, and would she like a reader?"
k note "Helen Okafor" --on 2026-07-09 "Suggested I raise my day rate by 15% in January #pricing"

k note "Tom Becker" --on 2026-05-20 --event 2026-09-27 "Running the Berlin marathon #running"
k note "Tom Becker" --on 2026-05-20 "Aiming for sub-3:30; knee has been acting up"
k note "Tom Becker" --on 2026-11-01 "Did he ever finish restoring the old sailboat?"

k note "Linda Carter" --on 2026-10-25 --event 2026-11-24 "Knee surgery at Newton-Wellesley #health"
k note "Linda Carter" --on 2026-09-14 "Joined a Thursday watercolour class"

k note "Jake Carter" --on 2026-07-04 "Thinking about leaving the law firm to teach high-school history"
k note "Jake Carter" --on 2026-10-20 --event 2026-11-29 "Taking the kids to see the Patriots game #football"

k note "Aisha Khan" --on 2026-10-22 "Met at DevConf Berlin; interested in an accessibility audit of their patient portal"
k note "Aisha Khan" --on 2026-11-05 --event 2026-12-02 "Pitching the audit budget to her board"
k note "Aisha Khan" --on 2026-11-05 --ask "Who else on the board should see the accessibility findings?"

k note "Daniel Kim" --on 2026-09-30 "New baby daughter, Mia, born Sept 28 #family"
k note "Daniel Kim" --on 2025-11-18 "Big on bouldering; goes to Brooklyn Boulders on Tuesdays"

printf '%s\n' "Sends the engagement letter for the 2026 tax year in January." \
    "Needs receipts by Feb 15; prefers one PDF per quarter." |
    k note "Grace Liu" --on 2026-01-12 -

k note "Olivia Brooks" --on 2025-02-03 "Wound down Brooks Creative; moving in-house at a bank"

# ---------------------------------------------------------- interactions ----

k log "Sam Smith" --via meet --on 2026-09-02 "Kick-off for the Q4 routing project"
k log "Sam Smith" --via call --on 2026-10-08 "Weekly check-in; warehouse move delayed"
k log "Sam Smith" --via email --on 2026-10-15 "Sent the revised statement of work"

k log "Priya Raman" --via call --on 2026-10-30 "Design review; she liked the new onboarding flow"
k log "Priya Raman" --via message --on 2026-11-12 "Shared the usability test recordings"

k log "Marco Bianchi" --via meet --on 2026-08-21 "Coffee at the bakery; walked through his numbers"
k log "Marco Bianchi" --via email --on 2026-10-15 "Sent a quote for the pre-order site"

k log "Renée Dubois" --via call --on 2026-08-02 "Long catch-up about Lisbon and her new team"

k log "Helen Okafor" --via meet --on 2026-07-09 "Lunch at the faculty club"

k log "Tom Becker" --via message --on 2026-09-10 "Wished him luck for Berlin"
k log "Tom Becker" --via call --on 2026-11-01

k log "Linda Carter" --via call --on 2026-11-15 "Sunday call; nervous about the surgery"

k log "Jake Carter" --via message --on 2026-10-20 "Planning Thanksgiving at Mom's"

k log "Aisha Khan" --via meet --on 2026-10-22 "Met at DevConf Berlin"
k log "Aisha Khan" --via email --on 2026-11-05 "Sent the audit proposal and sample report"

k log "Daniel Kim" --via email --on 2026-09-30 "Congratulations card and a small gift for Mia"
k log "Daniel Kim" --via call --on 2026-11-17 "Scoped phase two of the Hooli dashboard"

k log "Grace Liu" --via meet --on 2026-01-12 "Tax planning meeting"

k log "Olivia Brooks" --via email --on 2025-02-03 "Final invoice paid"

# -------------------------------------------------------------- archive ----

k archive "Olivia Brooks"
