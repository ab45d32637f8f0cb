//! Times of log lines in one comparable form, `YYYY-MM-DD HH:MM:SS` (IIS writes `date time`,
//! Exchange `2024-05-02T10:00:07.100Z`), and the minute numbers of the failure series.

/// A time as `YYYY-MM-DD HH:MM:SS` from the start of `text` (a date, then a space or `T` and a
/// time; a date alone is its first second, or its last with `end`). `None` when it is not one.
pub fn normalise(text: &str, end: bool) -> Option<String> {
    let b = text.trim().as_bytes();
    if !super::layout::starts_with_date(b) {
        return None;
    }
    let date = std::str::from_utf8(b.get(..10)?).ok()?;
    if b.len() == 10 {
        let clock = if end { "23:59:59" } else { "00:00:00" };
        return Some(format!("{date} {clock}"));
    }
    if !matches!(b.get(10), Some(b' ' | b'T')) {
        return None;
    }
    let clock = b.get(11..)?;
    let digits = |r: std::ops::Range<usize>| {
        clock
            .get(r)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !digits(0..2) || clock.get(2) != Some(&b':') || !digits(3..5) {
        return None;
    }
    let (hh, mm) = (&clock[0..2], &clock[3..5]);
    let ss: &[u8] = if clock.get(5) == Some(&b':') && digits(6..8) {
        &clock[6..8]
    } else if end {
        b"59"
    } else {
        b"00"
    };
    let s = |x: &[u8]| String::from_utf8_lossy(x).into_owned();
    Some(format!("{date} {}:{}:{}", s(hh), s(mm), s(ss)))
}

/// The time a log line starts with, as 19 comparable bytes (`YYYY-MM-DD HH:MM:SS`).
pub fn line_start_time(line: &[u8]) -> Option<[u8; 19]> {
    if !super::layout::starts_with_date(line) || !matches!(line.get(10), Some(b' ' | b'T')) {
        return None;
    }
    let mut out = [0u8; 19];
    out.copy_from_slice(line.get(..19)?);
    out[10] = b' ';
    let ok = [11, 12, 14, 15, 17, 18]
        .iter()
        .all(|&i| out[i].is_ascii_digit())
        && out[13] == b':'
        && out[16] == b':';
    ok.then_some(out)
}

/// Minutes since 1970-01-01 00:00 of a normalised time.
pub fn minute_of(time: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| time.get(r).and_then(|s| s.parse::<i64>().ok());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm) = (num(11..13)?, num(14..16)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 {
        return None;
    }
    Some(days_from_civil(y, m, d) * 1440 + hh * 60 + mm)
}

/// The minute number back as `YYYY-MM-DD HH:MM`.
pub fn minute_text(minute: i64) -> String {
    let days = minute.div_euclid(1440);
    let rest = minute.rem_euclid(1440);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", rest / 60, rest % 60)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of `days_from_civil`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_both_log_kinds_compare_as_text() {
        assert_eq!(
            normalise("2024-05-02T10:00:07.100Z", false).as_deref(),
            Some("2024-05-02 10:00:07")
        );
        assert_eq!(
            normalise("2024-05-02", true).as_deref(),
            Some("2024-05-02 23:59:59")
        );
        assert_eq!(
            normalise("2024-05-02 10:00", false).as_deref(),
            Some("2024-05-02 10:00:00")
        );
        assert_eq!(normalise("yesterday", false), None);
        assert_eq!(
            line_start_time(b"2024-05-02T10:00:07.1Z,abc"),
            Some(*b"2024-05-02 10:00:07")
        );
    }

    #[test]
    fn minutes_go_there_and_back() {
        let m = minute_of("2024-02-29 23:59:00").unwrap();
        assert_eq!(minute_text(m), "2024-02-29 23:59");
        assert_eq!(minute_of("1970-01-01 00:01:00"), Some(1));
    }
}
