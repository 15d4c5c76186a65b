//! Dates against publication time: a [`TimeExpr`] read from the text and the publication day
//! give the day or interval it names (SPEC §3). All calendar arithmetic is chrono's.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::claim::{DayRange, TimeUnit};
use crate::extract::lexicon::{MonthPart, Tense};

/// A time expression as read, before it is anchored.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeExpr {
    /// "am Mittwoch", "next Monday": `strict` excludes the publication day itself.
    Weekday {
        day: Weekday,
        tense: Tense,
        strict: bool,
    },
    /// "von Montag bis Mittwoch": from the first weekday, resolved as usual, to the next `last`
    /// on or after it.
    WeekdaySpan { first: Box<TimeExpr>, last: Weekday },
    /// "am Wochenende", "last weekend": Saturday and Sunday, found like a Saturday.
    Weekend { tense: Tense, strict: bool },
    /// "am Dienstag vergangener Woche", "on Tuesday next week": the day in the week `week`
    /// weeks from the publication week (weeks run Monday to Sunday).
    WeekdayOfWeek { day: Weekday, week: i32 },
    /// "gestern", "tomorrow": days from the publication day.
    Offset(i64),
    /// "27. März 2025", "March 27": year inferred when missing.
    Absolute {
        year: Option<i32>,
        month: u32,
        day: u32,
        tense: Tense,
    },
    /// "zwischen dem 10. und 14. März".
    Between(Box<TimeExpr>, Box<TimeExpr>),
    /// "im März", "Anfang März", "late March 2024".
    Month {
        year: Option<i32>,
        month: u32,
        part: Option<MonthPart>,
        tense: Tense,
    },
    /// "last May", "im vergangenen März", "next June": the nearest such month strictly before
    /// (or after) the publication month.
    NamedMonth { month: u32, tense: Tense },
    /// "Ende 2026", "early 2025", "Ende des Jahres", "the end of next month": a third of a year
    /// (January–April, May–August, September–December) or of a month. `year` fixes the year;
    /// otherwise `offset` counts units from the publication's own year or month.
    PartOf {
        unit: TimeUnit,
        part: MonthPart,
        year: Option<i32>,
        offset: i32,
    },
    /// "im Juni vergangenen Jahres", "in March next year": a month of a year counted from the
    /// publication year.
    MonthOfYear {
        month: u32,
        part: Option<MonthPart>,
        offset: i32,
    },
    /// A calendar year ("2022" after "seit", "im Jahr 2022").
    Year(i32),
    /// "letzte Woche" (-1), "diese Woche" (0), "next month" (+1), "last year" (-1).
    Period { unit: TimeUnit, offset: i32 },
    /// "vor drei Tagen", "two weeks ago": the same calendar day that many units earlier.
    Ago { n: u32, unit: TimeUnit },
    /// "in zwei Tagen", "in two weeks": the same calendar day that many units later.
    Later { n: u32, unit: TimeUnit },
    /// "im vierten Jahr": the event started within the Nth unit before publication.
    NthUnit { n: u32, unit: TimeUnit },
    /// "the third anniversary": started exactly that long ago.
    Elapsed { n: u32, unit: TimeUnit },
    /// "the 27th", "am 15.", "the 20th of next month": a day of a month. `month_offset` counts
    /// months from the publication's; without it the month is the nearest one in the
    /// direction of `tense` that has the day.
    DayOfMonth {
        day: u32,
        month_offset: Option<i32>,
        tense: Tense,
    },
    /// "Thursday the 21st": the nearest month, from the publication's, in which that day is
    /// that weekday (the direction of `tense` first).
    WeekdayOfMonth {
        day: u32,
        weekday: Weekday,
        tense: Tense,
    },
    /// "this summer", "Sommer 2016", "letzten Winter": seasons as meteorologists count them
    /// (spring March to May, summer June to August, autumn September to November, winter
    /// December to February, named by the year of its December). `year` fixes the year;
    /// `offset` −1 is the latest that has ended, +1 the next to begin, 0 the one of the
    /// publication's year; with neither, the nearest in the direction of `tense`.
    Season {
        season: u32,
        year: Option<i32>,
        offset: Option<i32>,
        tense: Tense,
    },
    /// "Q3", "the third quarter of 2016": quarter `n` of `year`, else of the publication year
    /// moved by `offset`.
    Quarter {
        n: u32,
        year: Option<i32>,
        offset: i32,
    },
    /// "the 1970s" (first 1970, ten years), "the 15th century" (first 1401... as the specs
    /// count, 1400, a hundred years): `years` years from `first`.
    Years { first: i32, years: u32 },
    /// "this decade" (0), "the next decade" (1, 1), "the past 2 decades" (−2, 2): `count`
    /// calendar decades from the publication's decade moved by `offset`.
    Decades { offset: i32, count: u32 },
    /// "the next 3 days", "the past 2 decades": `n` units after the publication day (from the
    /// day after it) or before it (to the day before it).
    Units {
        n: u32,
        unit: TimeUnit,
        forward: bool,
    },
    /// "three weeks from tomorrow", "1 month 21 days ago": another expression's first day
    /// moved by `n` units.
    Shift {
        base: Box<TimeExpr>,
        n: i32,
        unit: TimeUnit,
    },
    /// "the third week of this month", "die letzte Woche im Juli": the `n`-th Monday-to-Sunday
    /// week of a month or year (−1 the last), each week belonging to the period its Thursday
    /// falls in.
    WeekOf { n: i32, of: Box<TimeExpr> },
    /// "the first Friday of July", "second Sunday": the `n`-th such weekday of a month (−1 the
    /// last).
    NthWeekday {
        n: i32,
        day: Weekday,
        of: Box<TimeExpr>,
    },
    /// "the week of November 30th", "the week commencing February 4": Monday to Sunday
    /// around the day.
    WeekOfDay(Box<TimeExpr>),
    /// "rest of the week" (publication day to the end of its week), "year to date" (the
    /// start of its year to the publication day).
    RestOf { unit: TimeUnit, to_date: bool },
    /// "Week 31": the ISO week of a year, else of the publication's year.
    IsoWeek { week: u32, year: Option<i32> },
}

impl TimeExpr {
    /// Whether the expression needs the publication day: everything but dates that say
    /// their year.
    pub fn is_relative(&self) -> bool {
        match self {
            TimeExpr::Absolute { year, .. } | TimeExpr::Month { year, .. } => year.is_none(),
            TimeExpr::Between(a, b) => a.is_relative() || b.is_relative(),
            TimeExpr::Year(_) => false,
            TimeExpr::PartOf { year, .. } => year.is_none(),
            TimeExpr::Season { year, .. } => year.is_none(),
            TimeExpr::Quarter { year, .. } | TimeExpr::IsoWeek { year, .. } => year.is_none(),
            TimeExpr::Years { .. } => false,
            TimeExpr::WeekOf { of, .. } | TimeExpr::NthWeekday { of, .. } => of.is_relative(),
            TimeExpr::WeekOfDay(day) => day.is_relative(),
            _ => true,
        }
    }
}

/// Resolves an expression against the publication day when there is one; otherwise only
/// dates that say their year resolve. The error says why a claim stays unresolved.
///
/// ```
/// use claimdiff::resolve::{resolve_at, TimeExpr};
/// use claimdiff::extract::lexicon::Tense;
/// let yesterday = resolve_at(&TimeExpr::Offset(-1), None);
/// assert!(yesterday.unwrap_err().contains("no publication time"));
/// let fixed = TimeExpr::Absolute { year: Some(2025), month: 3, day: 27, tense: Tense::Past };
/// assert_eq!(resolve_at(&fixed, None).unwrap().start.to_string(), "2025-03-27");
/// ```
pub fn resolve_at(expr: &TimeExpr, published: Option<NaiveDate>) -> Result<DayRange, String> {
    let anchor = match published {
        Some(day) => day,
        None if expr.is_relative() => {
            return Err("no publication time: relative dates stay unresolved".to_string());
        }
        // Any day will do: the expression does not depend on it.
        None => NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid day"),
    };
    resolve(expr, anchor).ok_or_else(|| "the date does not exist".to_string())
}

fn shift(day: NaiveDate, n: i64, unit: TimeUnit) -> Option<NaiveDate> {
    match unit {
        TimeUnit::Day => day.checked_add_signed(chrono::Duration::days(n)),
        TimeUnit::Week => day.checked_add_signed(chrono::Duration::weeks(n)),
        TimeUnit::Month => {
            let m = Months::new(n.unsigned_abs().min(u32::MAX as u64) as u32);
            if n >= 0 {
                day.checked_add_months(m)
            } else {
                day.checked_sub_months(m)
            }
        }
        TimeUnit::Year => {
            let m = Months::new((n.unsigned_abs().min(100_000) * 12) as u32);
            if n >= 0 {
                day.checked_add_months(m)
            } else {
                day.checked_sub_months(m)
            }
        }
    }
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// Which year a month (and day) without a year belongs to, seen from the publication day:
/// said in the past, a date later in the year than publication is last year's; said of the
/// future, an earlier one is next year's. Without a day only the months are compared.
fn infer_year(published: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let y = published.year();
    let said = (month, day.unwrap_or(0));
    let now = (
        published.month(),
        if day.is_some() { published.day() } else { 0 },
    );
    match tense {
        Tense::Past if said > now => y - 1,
        Tense::Present | Tense::Future if said < now => y + 1,
        _ => y,
    }
}

/// The Monday of the week a day falls in.
fn monday_of(day: NaiveDate) -> Option<NaiveDate> {
    day.checked_sub_days(Days::new(day.weekday().num_days_from_monday() as u64))
}

/// Resolves an expression against the publication day.
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use claimdiff::resolve::{resolve, TimeExpr};
/// use claimdiff::extract::lexicon::Tense;
/// let thursday = NaiveDate::from_ymd_opt(2025, 3, 27).unwrap();
/// let wed = resolve(&TimeExpr::Weekday { day: Weekday::Wed, tense: Tense::Past, strict: false }, thursday).unwrap();
/// assert_eq!(wed.start.to_string(), "2025-03-26");
/// let age = resolve(&TimeExpr::NthUnit { n: 4, unit: claimdiff::TimeUnit::Year }, thursday).unwrap();
/// assert_eq!((age.start.to_string(), age.end.unwrap().to_string()), ("2021-03-28".into(), "2022-03-27".into()));
/// ```
pub fn resolve(expr: &TimeExpr, published: NaiveDate) -> Option<DayRange> {
    match expr {
        TimeExpr::Weekday { day, tense, strict } => {
            let from = published.weekday().num_days_from_monday() as i64;
            let to = day.num_days_from_monday() as i64;
            let delta = match tense {
                Tense::Past => {
                    let back = (from - to).rem_euclid(7);
                    -(if back == 0 && *strict { 7 } else { back })
                }
                // Something scheduled may be today; what "will" happen on the publication's
                // own weekday is a week away (today would be "heute", "today").
                Tense::Present => {
                    let fwd = (to - from).rem_euclid(7);
                    if fwd == 0 && *strict {
                        7
                    } else {
                        fwd
                    }
                }
                Tense::Future => {
                    let fwd = (to - from).rem_euclid(7);
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
            };
            Some(DayRange::day(shift(published, delta, TimeUnit::Day)?))
        }
        TimeExpr::WeekdaySpan { first, last } => {
            let start = resolve(first, published)?.start;
            let ahead = (last.num_days_from_monday() as i64
                - start.weekday().num_days_from_monday() as i64)
                .rem_euclid(7);
            Some(DayRange::between(
                start,
                shift(start, ahead, TimeUnit::Day)?,
            ))
        }
        TimeExpr::Weekend { tense, strict } => {
            let saturday = TimeExpr::Weekday {
                day: Weekday::Sat,
                tense: *tense,
                strict: *strict,
            };
            let start = resolve(&saturday, published)?.start;
            Some(DayRange::between(start, start.succ_opt()?))
        }
        TimeExpr::WeekdayOfWeek { day, week } => {
            let monday = shift(monday_of(published)?, *week as i64, TimeUnit::Week)?;
            Some(DayRange::day(shift(
                monday,
                day.num_days_from_monday() as i64,
                TimeUnit::Day,
            )?))
        }
        TimeExpr::Offset(n) => Some(DayRange::day(shift(published, *n, TimeUnit::Day)?)),
        TimeExpr::Absolute {
            year,
            month,
            day,
            tense,
        } => {
            let y = year.unwrap_or_else(|| infer_year(published, *month, Some(*day), *tense));
            if let Some(d) = NaiveDate::from_ymd_opt(y, *month, *day) {
                return Some(DayRange::day(d));
            }
            // "Feb 29" without a year: the nearest leap year in the tense's direction.
            let step = if *tense == Tense::Past { -1 } else { 1 };
            let fits = |k: i32| NaiveDate::from_ymd_opt(y + step * k, *month, *day);
            year.is_none()
                .then(|| (1..8).find_map(fits).map(DayRange::day))
                .flatten()
        }
        TimeExpr::Between(a, b) => {
            let (first, last) = (resolve(a, published)?, resolve(b, published)?);
            if first.start <= last.last() {
                return Some(DayRange::between(first.start, last.last()));
            }
            // "from 10/1 to 11/7", "between Jan 22 and now": ends without a year that the
            // clause's tense put in the wrong order are the first one looking back and the
            // second one looking ahead.
            let (first, last) = (
                resolve(&in_tense(a, Tense::Past), published)?,
                resolve(&in_tense(b, Tense::Future), published)?,
            );
            (first.start <= last.last()).then(|| DayRange::between(first.start, last.last()))
        }
        TimeExpr::Month {
            year,
            month,
            part,
            tense,
        } => {
            let y = year.unwrap_or_else(|| infer_year(published, *month, None, *tense));
            let end = month_end(y, *month)?;
            let (from, to) = match part {
                None => (1, end.day()),
                Some(MonthPart::Early) => (1, 10),
                Some(MonthPart::Mid) => (11, 20),
                Some(MonthPart::Late) => (21, end.day()),
            };
            Some(DayRange::between(
                NaiveDate::from_ymd_opt(y, *month, from)?,
                NaiveDate::from_ymd_opt(y, *month, to)?,
            ))
        }
        TimeExpr::PartOf {
            unit: TimeUnit::Year,
            part,
            year,
            offset,
        } => {
            let y = year.unwrap_or(published.year() + offset);
            let (from, to) = match part {
                MonthPart::Early => ((1, 1), (4, 30)),
                MonthPart::Mid => ((5, 1), (8, 31)),
                MonthPart::Late => ((9, 1), (12, 31)),
            };
            Some(DayRange::between(
                NaiveDate::from_ymd_opt(y, from.0, from.1)?,
                NaiveDate::from_ymd_opt(y, to.0, to.1)?,
            ))
        }
        // "Anfang nächster Woche", "late last week": Monday–Tuesday, Wednesday–Thursday,
        // Friday–Sunday of the week.
        TimeExpr::PartOf {
            unit: TimeUnit::Week,
            part,
            offset,
            ..
        } => {
            let monday = shift(monday_of(published)?, *offset as i64, TimeUnit::Week)?;
            let (from, to) = match part {
                MonthPart::Early => (0, 1),
                MonthPart::Mid => (2, 3),
                MonthPart::Late => (4, 6),
            };
            Some(DayRange::between(
                monday.checked_add_signed(chrono::Duration::days(from))?,
                monday.checked_add_signed(chrono::Duration::days(to))?,
            ))
        }
        TimeExpr::PartOf { part, offset, .. } => {
            let first = NaiveDate::from_ymd_opt(published.year(), published.month(), 1)?;
            let month = shift(first, *offset as i64, TimeUnit::Month)?;
            let expr = TimeExpr::Month {
                year: Some(month.year()),
                month: month.month(),
                part: Some(*part),
                tense: Tense::Past,
            };
            resolve(&expr, published)
        }
        TimeExpr::NamedMonth { month, tense } => {
            let y = published.year();
            let year = match tense {
                Tense::Past if *month >= published.month() => y - 1,
                Tense::Present | Tense::Future if *month <= published.month() => y + 1,
                _ => y,
            };
            let month = TimeExpr::Month {
                year: Some(year),
                month: *month,
                part: None,
                tense: *tense,
            };
            resolve(&month, published)
        }
        TimeExpr::MonthOfYear {
            month,
            part,
            offset,
        } => {
            let year = Some(published.year() + offset);
            resolve(
                &TimeExpr::Month {
                    year,
                    month: *month,
                    part: *part,
                    tense: Tense::Past,
                },
                published,
            )
        }
        TimeExpr::Year(y) => Some(DayRange::between(
            NaiveDate::from_ymd_opt(*y, 1, 1)?,
            NaiveDate::from_ymd_opt(*y, 12, 31)?,
        )),
        TimeExpr::Period { unit, offset } => {
            let offset = *offset as i64;
            match unit {
                TimeUnit::Day => Some(DayRange::day(shift(published, offset, TimeUnit::Day)?)),
                TimeUnit::Week => {
                    let monday = monday_of(published)?;
                    let start = shift(monday, offset, TimeUnit::Week)?;
                    Some(DayRange::between(
                        start,
                        start.checked_add_days(Days::new(6))?,
                    ))
                }
                TimeUnit::Month => {
                    let first = NaiveDate::from_ymd_opt(published.year(), published.month(), 1)?;
                    let start = shift(first, offset, TimeUnit::Month)?;
                    Some(DayRange::between(
                        start,
                        month_end(start.year(), start.month())?,
                    ))
                }
                TimeUnit::Year => {
                    resolve(&TimeExpr::Year(published.year() + offset as i32), published)
                }
            }
        }
        TimeExpr::Ago { n, unit } => Some(DayRange::day(shift(published, -(*n as i64), *unit)?)),
        TimeExpr::Later { n, unit } => Some(DayRange::day(shift(published, *n as i64, *unit)?)),
        TimeExpr::NthUnit { n, unit } => {
            if *n == 0 {
                return None;
            }
            let earliest = shift(published, -(*n as i64), *unit)?.succ_opt()?;
            let latest = shift(published, -(*n as i64 - 1), *unit)?;
            Some(DayRange::between(earliest, latest))
        }
        TimeExpr::Elapsed { n, unit } => {
            Some(DayRange::day(shift(published, -(*n as i64), *unit)?))
        }
        TimeExpr::DayOfMonth {
            day,
            month_offset,
            tense,
        } => day_of_month(published, *day, *month_offset, *tense).map(DayRange::day),
        TimeExpr::Season {
            season,
            year,
            offset,
            tense,
        } => season_of(published, *season, *year, *offset, *tense),
        TimeExpr::Quarter { n, year, offset } => {
            let y = year.unwrap_or(published.year() + offset);
            let first = NaiveDate::from_ymd_opt(y, n.checked_mul(3)?.checked_sub(2)?, 1)?;
            Some(DayRange::between(first, month_end(y, n * 3)?))
        }
        TimeExpr::Years { first, years } => Some(DayRange::between(
            NaiveDate::from_ymd_opt(*first, 1, 1)?,
            NaiveDate::from_ymd_opt(first + *years as i32 - 1, 12, 31)?,
        )),
        TimeExpr::Decades { offset, count } => {
            let first = published.year() - published.year().rem_euclid(10) + 10 * offset;
            resolve(
                &TimeExpr::Years {
                    first,
                    years: 10 * count,
                },
                published,
            )
        }
        TimeExpr::WeekdayOfMonth {
            day,
            weekday,
            tense,
        } => {
            let first = NaiveDate::from_ymd_opt(published.year(), published.month(), 1)?;
            let ahead = *tense != Tense::Past;
            // 0, then one month each way, the tense's direction first.
            let offsets = (0..15i64).flat_map(|k| if ahead { [k, -k] } else { [-k, k] });
            offsets
                .filter_map(|o| {
                    let month = shift(first, o, TimeUnit::Month)?;
                    NaiveDate::from_ymd_opt(month.year(), month.month(), *day)
                })
                .find(|d| d.weekday() == *weekday)
                .map(DayRange::day)
        }
        TimeExpr::Units { n, unit, forward } => {
            let n = *n as i64;
            if *forward {
                Some(DayRange::between(
                    published.succ_opt()?,
                    shift(published, n, *unit)?,
                ))
            } else {
                Some(DayRange::between(
                    shift(published, -n, *unit)?,
                    published.pred_opt()?,
                ))
            }
        }
        TimeExpr::Shift { base, n, unit } => {
            let start = resolve(base, published)?.start;
            Some(DayRange::day(shift(start, *n as i64, *unit)?))
        }
        TimeExpr::WeekOf { n, of } => {
            // Weeks run Monday to Sunday (SPEC §3) and belong to the period their Thursday
            // falls in, as ISO weeks belong to years.
            let range = resolve(of, published)?;
            let thursday = |monday: NaiveDate| monday.checked_add_days(Days::new(3));
            let start = if *n < 0 {
                let monday = monday_of(range.last())?;
                if thursday(monday)? > range.last() {
                    monday.checked_sub_days(Days::new(7))?
                } else {
                    monday
                }
            } else {
                let mut monday = monday_of(range.start)?;
                if thursday(monday)? < range.start {
                    monday = monday.checked_add_days(Days::new(7))?;
                }
                monday.checked_add_days(Days::new(7 * (*n as u64 - 1)))?
            };
            if start > range.last() {
                return None;
            }
            Some(DayRange::between(
                start,
                start.checked_add_days(Days::new(6))?,
            ))
        }
        TimeExpr::NthWeekday { n, day, of } => {
            let range = resolve(of, published)?;
            let days = range.start.iter_days().take_while(|d| *d <= range.last());
            let matching: Vec<NaiveDate> = days.filter(|d| d.weekday() == *day).collect();
            let pick = if *n < 0 {
                matching.last()
            } else {
                matching.get(*n as usize - 1)
            };
            pick.copied().map(DayRange::day)
        }
        TimeExpr::WeekOfDay(day) => {
            let start = monday_of(resolve(day, published)?.start)?;
            Some(DayRange::between(
                start,
                start.checked_add_days(Days::new(6))?,
            ))
        }
        TimeExpr::RestOf { unit, to_date } => {
            let period = resolve(
                &TimeExpr::Period {
                    unit: *unit,
                    offset: 0,
                },
                published,
            )?;
            Some(if *to_date {
                DayRange::between(period.start, published)
            } else {
                DayRange::between(published, period.last())
            })
        }
        TimeExpr::IsoWeek { week, year } => {
            let y = year.unwrap_or(published.year());
            let monday = NaiveDate::from_isoywd_opt(y, *week, Weekday::Mon)?;
            Some(DayRange::between(
                monday,
                monday.checked_add_days(Days::new(6))?,
            ))
        }
    }
}

/// An expression whose direction, where it has one, is `tense`.
fn in_tense(expr: &TimeExpr, tense: Tense) -> TimeExpr {
    let mut expr = expr.clone();
    match &mut expr {
        TimeExpr::Absolute { tense: t, .. }
        | TimeExpr::Month { tense: t, .. }
        | TimeExpr::DayOfMonth { tense: t, .. }
        | TimeExpr::Weekday { tense: t, .. } => *t = tense,
        _ => {}
    }
    expr
}

/// The day `day` of a month: `month_offset` months from the publication's, else the nearest
/// month with that day before (past) or after (present, future) the publication day.
fn day_of_month(
    published: NaiveDate,
    day: u32,
    month_offset: Option<i32>,
    tense: Tense,
) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(published.year(), published.month(), 1)?;
    if let Some(offset) = month_offset {
        let month = shift(first, offset as i64, TimeUnit::Month)?;
        return NaiveDate::from_ymd_opt(month.year(), month.month(), day);
    }
    let step = if tense == Tense::Past { -1 } else { 1 };
    (0..13).find_map(|k| {
        let month = shift(first, step * k, TimeUnit::Month)?;
        let d = NaiveDate::from_ymd_opt(month.year(), month.month(), day)?;
        let fits = if tense == Tense::Past {
            d <= published
        } else {
            d >= published
        };
        fits.then_some(d)
    })
}

/// The days of a season named by the year of its start (see [`TimeExpr::Season`]).
fn season_in(season: u32, year: i32) -> Option<DayRange> {
    let (from, to_year, to) = match season {
        1 => ((3, 1), year, (5, 31)),
        2 => ((6, 1), year, (8, 31)),
        3 => ((9, 1), year, (11, 30)),
        4 => ((12, 1), year + 1, (2, month_end(year + 1, 2)?.day())),
        _ => return None,
    };
    Some(DayRange::between(
        NaiveDate::from_ymd_opt(year, from.0, from.1)?,
        NaiveDate::from_ymd_opt(to_year, to.0, to.1)?,
    ))
}

fn season_of(
    published: NaiveDate,
    season: u32,
    year: Option<i32>,
    offset: Option<i32>,
    tense: Tense,
) -> Option<DayRange> {
    if let Some(y) = year {
        return season_in(season, y);
    }
    let y = published.year();
    // The instances of the season around publication, oldest first.
    let around: Vec<DayRange> = (y - 2..=y + 1)
        .filter_map(|y| season_in(season, y))
        .collect();
    match offset {
        Some(0) => {
            let own = if season == 4 && published.month() <= 2 {
                y - 1
            } else {
                y
            };
            season_in(season, own)
        }
        Some(o) if o < 0 => around.into_iter().rev().find(|r| r.last() < published),
        Some(_) => around.into_iter().find(|r| r.start > published),
        None if tense == Tense::Past => around.into_iter().rev().find(|r| r.start <= published),
        None => around.into_iter().find(|r| r.last() >= published),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn r(expr: TimeExpr, published: &str) -> (String, Option<String>) {
        let range = resolve(&expr, d(published)).unwrap();
        (range.start.to_string(), range.end.map(|e| e.to_string()))
    }

    #[test]
    fn weekdays_by_tense() {
        use Weekday::*;
        let past = |day| TimeExpr::Weekday {
            day,
            tense: Tense::Past,
            strict: false,
        };
        let future = |day| TimeExpr::Weekday {
            day,
            tense: Tense::Future,
            strict: true,
        };
        let present = |day| TimeExpr::Weekday {
            day,
            tense: Tense::Present,
            strict: false,
        };
        assert_eq!(r(present(Thu), "2025-03-27"), ("2025-03-27".into(), None));
        assert_eq!(r(present(Fri), "2025-03-27"), ("2025-03-28".into(), None));
        assert_eq!(r(present(Wed), "2025-03-27"), ("2025-04-02".into(), None));
        let last_week = TimeExpr::WeekdayOfWeek { day: Tue, week: -1 };
        assert_eq!(r(last_week, "2025-03-27"), ("2025-03-18".into(), None));
        let next_week = TimeExpr::WeekdayOfWeek { day: Sun, week: 1 };
        assert_eq!(r(next_week, "2025-03-30"), ("2025-04-06".into(), None));
        assert_eq!(r(past(Wed), "2025-03-27"), ("2025-03-26".into(), None));
        assert_eq!(r(past(Thu), "2025-03-27"), ("2025-03-27".into(), None));
        assert_eq!(r(past(Fri), "2025-03-27"), ("2025-03-21".into(), None));
        assert_eq!(r(future(Mon), "2025-03-27"), ("2025-03-31".into(), None));
        assert_eq!(r(future(Thu), "2025-03-27"), ("2025-04-03".into(), None));
        let last = TimeExpr::Weekday {
            day: Thu,
            tense: Tense::Past,
            strict: true,
        };
        assert_eq!(r(last, "2025-03-27"), ("2025-03-20".into(), None));
    }

    #[test]
    fn periods_months_and_ages() {
        assert_eq!(
            r(
                TimeExpr::Period {
                    unit: TimeUnit::Week,
                    offset: -1
                },
                "2025-03-27"
            ),
            ("2025-03-17".into(), Some("2025-03-23".into()))
        );
        assert_eq!(
            r(
                TimeExpr::Period {
                    unit: TimeUnit::Year,
                    offset: -1
                },
                "2025-01-01"
            ),
            ("2024-01-01".into(), Some("2024-12-31".into()))
        );
        assert_eq!(
            r(
                TimeExpr::Month {
                    year: None,
                    month: 2,
                    part: Some(MonthPart::Late),
                    tense: Tense::Past
                },
                "2024-03-05"
            ),
            ("2024-02-21".into(), Some("2024-02-29".into()))
        );
        assert_eq!(
            r(
                TimeExpr::Absolute {
                    year: None,
                    month: 12,
                    day: 30,
                    tense: Tense::Past
                },
                "2025-01-02"
            ),
            ("2024-12-30".into(), None)
        );
        // Later in the year than publication, said in the past: last year's.
        assert_eq!(
            r(
                TimeExpr::Absolute {
                    year: None,
                    month: 10,
                    day: 20,
                    tense: Tense::Past
                },
                "2025-10-14"
            ),
            ("2024-10-20".into(), None)
        );
        assert_eq!(
            r(
                TimeExpr::Absolute {
                    year: None,
                    month: 1,
                    day: 2,
                    tense: Tense::Future
                },
                "2024-12-31"
            ),
            ("2025-01-02".into(), None)
        );
        // A month part of the publication month said of the future stays in this year.
        assert_eq!(
            r(
                TimeExpr::Month {
                    year: None,
                    month: 10,
                    part: Some(MonthPart::Late),
                    tense: Tense::Future
                },
                "2025-10-14"
            ),
            ("2025-10-21".into(), Some("2025-10-31".into()))
        );
        assert_eq!(
            r(
                TimeExpr::Month {
                    year: None,
                    month: 12,
                    part: None,
                    tense: Tense::Past
                },
                "2025-10-14"
            ),
            ("2024-12-01".into(), Some("2024-12-31".into()))
        );
        assert_eq!(
            r(
                TimeExpr::Ago {
                    n: 1,
                    unit: TimeUnit::Year
                },
                "2024-02-29"
            ),
            ("2023-02-28".into(), None)
        );
        assert_eq!(
            r(
                TimeExpr::NthUnit {
                    n: 3,
                    unit: TimeUnit::Week
                },
                "2025-03-27"
            ),
            ("2025-03-07".into(), Some("2025-03-13".into()))
        );
        assert_eq!(
            r(TimeExpr::Offset(-1), "2025-03-01"),
            ("2025-02-28".into(), None)
        );
    }
}
