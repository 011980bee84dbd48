//! The `mars` program: the only crate that wires the others together.
//!
//! * `cli.rs`: the command line (clap).
//! * `newt.rs`, `writ.rs`, `plea.rs`: the king's framing and message types.
//! * `serf.rs`: the serf's state machine (writs in, pleas out, no I/O);
//!   `kernel.rs` is the kernel interface it uses and `goof.rs` renders
//!   failures; `snapshot_store.rs` turns the kernel into `data.pma`'s payload.
//! * `serf_cmd.rs`: `mars serf`, the process the king spawns (pipes, signals,
//!   self-replay before `%ripe`).
//! * `replay.rs`: replaying an event log into a serf (mug-checked).
//! * `play_cmd.rs`: `mars play`, vere's `urbit play` (replay into data.pma);
//!   `boot_cmd.rs`: `mars boot`, a new fake ship's pier from a pill;
//!   `inspect_cmd.rs`: `mars inspect` (epochs, META, events, dates).
//! * `king_cmd.rs`: `mars king`, the real king with mars as its serf;
//!   `pill.rs`: pills and the boot sequence the king writes for a new pier.
//! * `nock_cmd.rs`: `mars nock`; `trace.rs`: crash rendering for terminals.
//!
//! Dependencies point one way: noun ← serial ← nock ← serf; eventlog and
//! snapshot are bytes-level and know nothing of nouns.
//!
//! # Conformance
//!
//! Each item of the checklist in `shared/spec/README.md` and the test that
//! pins it (`tests/` of this crate unless another crate is named). Every
//! harness test also validates each plea as strictly as the king
//! (`Plea::decode`, serf-protocol.md §4) and checks reply order and event
//! numbers.
//!
//! | # | statement | test |
//! |---|---|---|
//! | 1 | frames split at any offset | `newt.rs` (every offset, every pair) |
//! | 2 | several frames in one read | `newt.rs` |
//! | 3 | version ≠ 0 or N = 0 → exit non-zero | `serf_faults::bad_frames_are_fatal` |
//! | 4 | stdin EOF → prompt exit 1 | `serf_faults::end_of_input_exits_1_promptly`, `stdin_closed_mid_frame` |
//! | 5 | only frames on stdout | every harness test (strict frame reader); fds redirected in `serf_cmd.rs` |
//! | 6 | no empty or ≥ 2^32 payload | `newt.rs` (encode refuses) |
//! | 7 | cue vectors, trailing bytes, negatives | mars-serial `tests/` |
//! | 8 | jam byte-identical | mars-serial `tests/` (vectors, pills) |
//! | 9 | mug vectors | mars-noun `tests/mug_vectors.rs` |
//! | 10 | the king's argv | `harness::king_argv`, used by every serf test |
//! | 11 | `%ripe [1 139 4]` first | `harness::King::spawn` (asserts), `protocol_types.rs` (bytes) |
//! | 12 | `%ripe` mug 0 at event 0 | `serf_lifecycle::*` (fresh serf) |
//! | 13 | never `eve` beyond the log | `replay_piers::snapshot_ahead_of_the_log_is_refused` |
//! | 14 | vere's `.urb/chk` files untouched | `serf_faults::veres_snapshot_files_are_never_touched`; mars-snapshot `tests/faults.rs` |
//! | 15 | lifecycle on the whole first `%play` | `serf_lifecycle::*`, `kernel.rs` |
//! | 16 | failing lifecycle → `%play %bail 0 0` | `serf_protocol::failing_lifecycle_bails_with_event_zero` |
//! | 17 | replay `%play` without `%crud` | `serf_lifecycle::replay_play_after_boot` |
//! | 18 | element k fails → bail at k-1 | `serf_protocol::failing_replay_element_bails_at_the_last_good_event` |
//! | 19 | `%play` of a non-cell → exit | `serf_protocol::empty_play_is_fatal`, `protocol_types.rs` |
//! | 20 | toddler/baby lifecycle mugs | `kernel.rs`, `serf_lifecycle::*` |
//! | 21 | `%work %done` | `serf_lifecycle::*` |
//! | 22 | `%crud` retry → `%swap` | `serf_bails::crash_then_crud_succeeds_gives_swap` |
//! | 23 | both fail → `%bail [crud original]` | `serf_bails::*` (`%alrm`, `%intr`, `%meme`) |
//! | 24 | `%evil` skips `%crud` | `serf.rs` (no jet raises `%evil` yet: tested with the aes-siv jet, issue 5) |
//! | 25 | mugs equal vere's | `replay_piers::baby_zod_fed_by_the_king_matches_every_mug` |
//! | 26 | event numbers +1 | `harness::King::reply` (asserts) |
//! | 27 | `%peek` done/bail, no state change | `serf_protocol::failing_peek_bails_without_changing_state` |
//! | 28 | `%save` at `eve`, else exit | `serf_lifecycle::*`, `serf_faults::save_at_the_wrong_event_is_fatal` |
//! | 29 | `%meld`/`%pack` → `[%live ~]` | `serf_protocol::meld_pack_cram_keep_the_state` |
//! | 30 | `%cram` → `[%live ~]` | `serf_protocol::meld_pack_cram_keep_the_state` (saves data.pma; no `.urb/roc` rock yet) |
//! | 31 | `%exit c` → exit c, no reply | `serf_lifecycle::*` (`harness::King::exit`) |
//! | 32 | bad writ → exit | `serf_faults::unknown_writ_is_fatal`, `protocol_types.rs` |
//! | 33 | one reply each, in order, ≥ 10 pipelined | `serf_lifecycle::replies_follow_writ_order_with_pipelining` |
//! | 34 | `%slog` shape | `serf_lifecycle::quiet_bit_suppresses_slog`, `protocol_types.rs` |
//! | 35 | quiet bit | `serf_lifecycle::quiet_bit_suppresses_slog` |
//! | 36 | `%flog` atom only | `protocol_types.rs` (the serf sends no `%flog` yet) |
//! | 37 | goofs well-formed | harness `Plea::decode` on every goof (`serf_bails`, `serf_protocol`) |
//! | 38 | SIGINT computing → `%intr`; idle ignored | `serf_bails::sigint_while_computing_bails_intr_and_idle_sigint_is_ignored` |
//! | 39 | `%exit`, `%meme` and keep serving | `serf_bails::out_of_memory_bails_meme_and_serf_keeps_serving`, `serf_protocol` |
//! | 40 | `mil` → `%alrm` | `serf_bails::mil_budget_bails_alrm` |
//! | 41 | kernel axes 10/22/23 | `kernel.rs`, toy kernels in `tests/support` |
//! | 42 | log encoding | mars-eventlog `tests/reference_piers.rs` |
//! | 43 | self-replay: lifecycle 1..life, pokes, mugs | `replay_piers::baby_zod_self_replay_when_data_pma_is_missing`, `mismatching_log_stops_the_serf` |
//! | 44 | reach the latest epoch's base | `replay_piers::snapshot_behind_the_latest_epoch_catches_up`, `worked_pier_replays_after_data_pma_is_deleted` |

pub mod alarm;
pub mod boot_cmd;
pub mod cli;
pub mod goof;
pub mod inspect_cmd;
pub mod kernel;
pub mod king_cmd;
pub mod newt;
pub mod nock_cmd;
pub mod pill;
pub mod play_cmd;
pub mod plea;
pub mod replay;
pub mod serf;
pub mod serf_cmd;
pub mod snapshot_store;
pub mod tank;
pub mod trace;
pub mod writ;
