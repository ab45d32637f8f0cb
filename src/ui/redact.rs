//! The "Copy redacted report" button and its toggles: one per kind of value to hide, all on when
//! the page opens and kept only while the page is open (never stored).

use super::cards::copy_button;
use crate::redact::{redact, Redaction};
use crate::render;
use crate::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct RedactProps {
    pub report: Rc<Report>,
}

impl PartialEq for RedactProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

/// One toggle: its label, and how it reads and sets its kind.
type Toggle = (
    &'static str,
    fn(&Redaction) -> bool,
    fn(&mut Redaction, bool),
);

const TOGGLES: &[Toggle] = &[
    ("signatures", |r| r.signatures, |r, on| r.signatures = on),
    ("names and users", |r| r.personal, |r, on| r.personal = on),
    (
        "tenant and object ids",
        |r| r.tenant_ids,
        |r, on| r.tenant_ids = on,
    ),
    (
        "IP addresses",
        |r| r.ip_addresses,
        |r, on| r.ip_addresses = on,
    ),
];

#[function_component(RedactCopy)]
pub fn redact_copy(props: &RedactProps) -> Html {
    let what = use_state(|| Redaction::ALL);
    let copy = {
        let report = props.report.clone();
        let what = *what;
        move || render::report_text(&redact(&report, what))
    };
    let toggles = TOGGLES.iter().map(|(label, get, set)| {
        let onchange = {
            let what = what.clone();
            let set = *set;
            Callback::from(move |e: Event| {
                let on = e
                    .target_dyn_into::<web_sys::HtmlInputElement>()
                    .is_some_and(|input| input.checked());
                let mut next = *what;
                set(&mut next, on);
                what.set(next);
            })
        };
        html! {
            <label class="redact-kind">
                <input type="checkbox" checked={get(&what)} {onchange} />
                {" "}{*label}
            </label>
        }
    });
    html! {
        <fieldset class="redact">
            <legend class="visually-hidden">{"Redacted copy"}</legend>
            {copy_button("Copy redacted report", copy, "for a ticket or a public forum: the kinds ticked are replaced by placeholders such as <upn-1>".to_string())}
            <span class="redact-hide" aria-hidden="true">{"Hide:"}</span>
            { for toggles }
        </fieldset>
    }
}
