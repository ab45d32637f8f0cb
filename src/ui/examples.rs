//! The empty page: what can be pasted and an example of each, generated from the decoder catalogue.

use crate::find;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CatalogueProps {
    /// Puts an example into the (empty) paste box.
    pub on_example: Callback<String>,
}

/// Lists, family by family, what every decoder reads with a link to read more, then offers each
/// decoder's example as a button.
#[function_component(WhatCanIPaste)]
pub fn what_can_i_paste(props: &CatalogueProps) -> Html {
    let families = find::by_family();
    html! {
        <div class="empty">
            <h2>{"What can I paste?"}</h2>
            <dl class="catalogue">
                { for families.iter().map(|(info, decoders)| html! {
                    <>
                    <dt class={format!("family-{}", info.family.css_name())}>
                        <span class="badge kind">{info.label}</span>
                    </dt>
                    <dd><ul>{ for decoders.iter().map(|d| html! {
                        <li>
                            {d.recognises}
                            <a class="src" href={d.info} target="_blank" rel="noopener noreferrer"
                                title={format!("About what the {} decoder reads", d.name)}>{"about"}</a>
                        </li>
                    }) }</ul></dd>
                    </>
                }) }
            </dl>
            <p>{"Several at once work too: the token and the error it got are read together. Files can be dropped on the paste box."}</p>
            <div class="examples" role="group" aria-label="Examples">
                <span>{"Try an example: "}</span>
                { for families.iter().flat_map(|(_, decoders)| decoders.iter().copied()).map(|d| {
                    let on_example = props.on_example.clone();
                    let example = &d.example;
                    let onclick = Callback::from(move |_: MouseEvent| on_example.emit(example.input()));
                    html! { <button type="button" class="button example" {onclick}>{example.label}</button> }
                }) }
            </div>
        </div>
    }
}
