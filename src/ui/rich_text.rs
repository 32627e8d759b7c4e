//! Ladder text rendered as text: styles become elements, nothing becomes markup.

use leptos::prelude::*;

use crate::ladder::{Span, Text};

/// One piece of ladder text with its emphasis, strong and code runs.
#[component]
pub fn RichText(
    /// The text to show.
    text: Text,
) -> impl IntoView {
    text.0.into_iter().map(span).collect_view()
}

fn span(s: Span) -> AnyView {
    let Span { text, style } = s;
    let mut view = text.into_any();
    if style.code {
        view = view! { <code>{view}</code> }.into_any();
    }
    if style.emphasis {
        view = view! { <em>{view}</em> }.into_any();
    }
    if style.strong {
        view = view! { <strong>{view}</strong> }.into_any();
    }
    view
}
