//! The failure series as an inline SVG bar chart (no library): one bar per bucket, the peak and
//! the first and last bucket labelled, a title and a description for screen readers, and each
//! bar's count and start as its own tooltip. Buckets outside the time filter are drawn faded.

use super::tenths;
use crate::triage::{unit_words, Filter, View};
use yew::prelude::*;

/// The drawing's size in SVG units (the `viewBox` of the chart).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 140.0;
/// Room for the labels under the bars.
const AXIS: f64 = 18.0;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub view: std::rc::Rc<View>,
    pub filter: Filter,
}

#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let series = &props.view.series;
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return html! {};
    };
    let unit = unit_words(props.view.series_bucket_minutes);
    let peak = series.iter().max_by_key(|b| b.failures).unwrap_or(first);
    let max = peak.failures.max(1) as f64;
    let step = WIDTH / series.len() as f64;
    let gap = if step > 4.0 { 1.0 } else { 0.0 };
    let plot = HEIGHT - AXIS;
    let total: u64 = series.iter().map(|b| b.failures).sum();
    let desc = format!(
        "{} buckets of one {unit} from {} to {}; {total} failures in all; the most, {}, in the {unit} from {}.",
        series.len(),
        first.start,
        last.start,
        peak.failures,
        peak.start
    );
    let bars = series.iter().enumerate().map(|(i, b)| {
        let h =
            (b.failures as f64 / max * (plot - 2.0)).max(if b.failures > 0 { 1.0 } else { 0.0 });
        let class = if props
            .filter
            .keeps_bucket(&b.start, props.view.series_bucket_minutes)
        {
            "bar"
        } else {
            "bar out"
        };
        html! {
            <rect class={class} x={tenths(i as f64 * step)} y={tenths(plot - h)}
                width={tenths((step - gap).max(0.5))} height={tenths(h)}>
                <title>{format!("{}: {} failures", b.start, b.failures)}</title>
            </rect>
        }
    });
    html! {
        <figure class="triage-chart">
            <svg viewBox="0 0 600 140" role="img" aria-labelledby="chart-title chart-desc"
                preserveAspectRatio="none">
                <title id="chart-title">{format!("Failures per {unit}")}</title>
                <desc id="chart-desc">{desc.clone()}</desc>
                <line class="axis" x1="0" y1={tenths(plot)} x2={tenths(WIDTH)} y2={tenths(plot)} />
                {for bars}
            </svg>
            <figcaption>
                <span>{first.start.clone()}</span>
                <span>{format!("Failures per {unit}; peak {} at {}", peak.failures, peak.start)}</span>
                <span>{last.start.clone()}</span>
            </figcaption>
        </figure>
    }
}
