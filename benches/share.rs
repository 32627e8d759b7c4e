//! Share-link length for the full seed level (a benchmark: it prints figures).
//!
//! `cargo bench --bench share`: the L2 seed level with every expectation rated, as
//! the link fragment the app would make; without notes (goal: under 200 characters),
//! with a realistic evidence note on each expectation, and as a manager's reply.

use rungs::ladder::Level;
use rungs::progress::share::{
    encode, link_warning, AssessmentId, Entry, ManagerSide, Origin, SharedAssessment, Side,
};
use rungs::progress::{Progress, Rating};

const ROLE: &str = "engineering/site-reliability-engineering";
const NOTES: [&str; 12] = [
    "Led the failover drill for the payments database in March with the platform team; wrote the runbook afterwards.",
    "Took the on-call rotation alone for two weeks in May; paged three times, escalated once, wrote up each incident.",
    "Paired with Sam on the alerting revamp; reviewed eight pull requests and ran the retro.",
    "Raised the capacity risk on the queue cluster two sprints early; it was scheduled and fixed before the peak.",
    "Shipped the log retention change end to end: design doc, rollout plan, dashboards, and the announcement.",
    "Asked Priya for help on the Terraform state split instead of guessing; saved us a day.",
    "Onboarded Luis: walked him through our deploy pipeline and shadowed his first on-call shift.",
    "Gave a lunch-and-learn on SLOs; twelve people came and two teams set error budgets after.",
    "Reviewed the new cache proposal and suggested the TTL experiment we ran in June.",
    "Still hesitant to push back in design reviews; spoke up once, in the storage review.",
    "Cleaned up forty flaky alerts with the team; pages dropped by a third over the quarter.",
    "Wrote the postmortem for the DNS outage, blameless, with five follow-ups, all closed.",
];

fn main() {
    let ladder = rungs::embedded::ladder();
    let level: &Level = ladder
        .role(ROLE)
        .and_then(|r| r.level("l2"))
        .expect("the seed level is embedded");
    let mut progress = Progress::default();
    for (i, x) in level
        .dimensions
        .iter()
        .flat_map(|d| &d.expectations)
        .enumerate()
    {
        progress.rate(&x.id, &x.text.to_plain(), Some(Rating::ALL[i % 4]), 1);
    }
    let mut plain = SharedAssessment {
        ladder_version: ladder.version.clone(),
        role: ROLE.to_owned(),
        level: level.id.clone(),
        name: None,
        // A random id; share links carry no time.
        origin: Some(Origin {
            id: AssessmentId([0x9f, 0x3c, 0xe1, 0x07, 0xb6]),
            made: None,
        }),
        self_side: Side::from_progress(&progress, level),
        manager: None,
        checkin: None,
    };
    let bare = encode(&plain).len();
    for (i, entry) in plain.self_side.entries.values_mut().enumerate() {
        entry.note = NOTES[i % NOTES.len()].to_owned();
    }
    plain.name = Some("Ada Lovelace".to_owned());
    let noted = encode(&plain).len();
    let side = plain.self_side.entries.keys().map(|k| {
        (
            *k,
            Entry {
                rating: Some(Rating::Performing),
                note: "Agreed; next, lead one without me in the room.".to_owned(),
            },
        )
    });
    plain.origin = plain.origin.map(|o| Origin {
        made: Some(1_796_136_485_000),
        ..o
    });
    plain.manager = Some(ManagerSide {
        name: Some("Grace Hopper".to_owned()),
        side: Side {
            entries: side.collect(),
        },
        comment: String::new(),
    });
    let reply = encode(&plain).len();
    let count = level.expectation_count();
    println!("share link, seed L2, {count} of {count} rated:");
    println!("  without notes:                  {bare} characters (goal: under 200)");
    println!(
        "  with a different note on each:   {noted} characters{}",
        link_warning(noted)
            .map(|w| format!(" ({w})"))
            .unwrap_or_default()
    );
    println!("  manager's reply with comments:  {reply} characters");
}
