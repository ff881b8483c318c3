//! The widget's view. Everything from the CRM or the URL is rendered as text (Leptos escapes
//! it); links are the checked http(s) URLs of [`crate::state::widget::choose`], opened in a new
//! tab because the widget lives in Daktela's iframe. Real buttons, labels and radio inputs keep
//! it keyboard operable.

use leptos::prelude::*;

use super::ctl::{Lookup, SaveState, WidgetCtl};
use crate::state::i18n::{Text, fill};
use crate::state::screen_pop::CrmRecord;
use crate::state::widget::{Choice, Direction};

/// What the widget shows when it cannot work: the configuration or a parameter is wrong.
#[component]
pub fn WidgetError(
    /// The message, naming the field or parameter.
    message: String,
    /// The parameter to blame (empty for a configuration error), as `data-param`.
    param: &'static str,
) -> impl IntoView {
    view! {
        <main class="dcti-widget">
            <p class="dcti-w-error" role="alert" data-param=param>{message}</p>
        </main>
    }
}

/// The widget for one activity.
#[component]
pub fn ActivityWidget(
    /// The controller.
    ctl: WidgetCtl,
) -> impl IntoView {
    let params = ctl.params();
    let heading = match params.direction {
        Direction::In => Text::WidgetCallIn,
        Direction::Out => Text::WidgetCallOut,
        Direction::Internal => Text::WidgetCallInternal,
    };
    let call = fill(ctl.t(heading), "number", &params.clid);
    view! {
        <main class="dcti-widget" data-activity=params.activity.clone()>
            <header class="dcti-w-header">
                <h1 class="dcti-w-title">{ctl.t(Text::WidgetTitle)}</h1>
                <p class="dcti-w-call" data-direction=params.direction.token()>{call}</p>
            </header>
            <LookupView ctl />
            <PairForm ctl />
            {move || ctl.problem.get().map(|p| view! { <p class="dcti-w-problem" role="alert">{p}</p> })}
        </main>
    }
}

/// The lookup's outcome: the record, the pick list, or "create contact".
#[component]
fn LookupView(ctl: WidgetCtl) -> impl IntoView {
    move || {
        match ctl.lookup.get() {
        Lookup::Loading => view! {
            <p class="dcti-w-lookup" role="status" data-state="loading">{ctl.t(Text::WidgetLookingUp)}</p>
        }
        .into_any(),
        Lookup::Failed(message) => view! {
            <p class="dcti-w-lookup" role="alert" data-state="failed">{message}</p>
        }
        .into_any(),
        Lookup::Done(Choice::Internal) => view! {
            <p class="dcti-w-lookup" data-state="internal">{ctl.t(Text::WidgetInternal)}</p>
        }
        .into_any(),
        Lookup::Done(Choice::One(record)) => {
            let (id, name) = (record.id.clone(), record.name.clone());
            view! {
                <section class="dcti-w-lookup dcti-w-match" data-state="one" data-record=id>
                    <h2>{ctl.t(Text::WidgetOneMatch)}</h2>
                    <p class="dcti-w-name">{name}</p>
                    <RecordLink ctl record />
                </section>
            }
            .into_any()
        }
        Lookup::Done(Choice::Many(records)) => view! {
            <fieldset class="dcti-w-lookup dcti-w-pick" data-state="many">
                <legend>{ctl.t(Text::WidgetManyMatches)}</legend>
                {records
                    .into_iter()
                    .map(|record| view! { <PickRow ctl record /> })
                    .collect_view()}
            </fieldset>
        }
        .into_any(),
        Lookup::Done(Choice::Nothing { create_url }) => {
            let number = ctl.params().number.map(|n| n.to_string()).unwrap_or_default();
            view! {
                <section class="dcti-w-lookup" data-state="none">
                    <p>{fill(ctl.t(Text::WidgetNoMatch), "number", &number)}</p>
                    {create_url.map(|href| view! {
                        <a class="dcti-w-create" href=href target="_blank" rel="noopener noreferrer">
                            {ctl.t(Text::CreateContact)}
                        </a>
                    })}
                </section>
            }
            .into_any()
        }
    }
    }
}

/// One record of the pick list: a labelled radio and a link.
#[component]
fn PickRow(ctl: WidgetCtl, record: CrmRecord) -> impl IntoView {
    let id = record.id.clone();
    let checked = {
        let id = id.clone();
        move || ctl.chosen.get().as_deref() == Some(id.as_str())
    };
    let pick = {
        let id = id.clone();
        move |_| ctl.chosen.set(Some(id.clone()))
    };
    let name = record.name.clone();
    view! {
        <div class="dcti-w-row" data-record=id.clone()>
            <label>
                <input type="radio" name="record" value=id.clone() prop:checked=checked on:change=pick />
                <span class="dcti-w-name">{name}</span>
            </label>
            <RecordLink ctl record />
        </div>
    }
}

/// "Open record", when the record has a safe link.
#[component]
fn RecordLink(ctl: WidgetCtl, record: CrmRecord) -> impl IntoView {
    (!record.url.is_empty()).then(|| {
        view! {
            <a class="dcti-w-open" href=record.url target="_blank" rel="noopener noreferrer">
                {ctl.t(Text::OpenRecord)}
            </a>
        }
    })
}

/// The note and "Confirm and save", with where the pairing is.
#[component]
fn PairForm(ctl: WidgetCtl) -> impl IntoView {
    let has_records = move || {
        ctl.lookup
            .with(|l| matches!(l, Lookup::Done(Choice::One(_) | Choice::Many(_))))
            || ctl.saved.with(|s| *s != SaveState::None)
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctl.save();
    };
    let state = move || match ctl.saved.get() {
        SaveState::None => None,
        SaveState::Pending(_) => Some(("pending", ctl.t(Text::WidgetSaving).to_owned(), false)),
        SaveState::Saved(p) => Some((
            "saved",
            fill(ctl.t(Text::WidgetSaved), "name", &p.crm_record.name),
            false,
        )),
        SaveState::Refused(_, error) => Some((
            "refused",
            fill(ctl.t(Text::WidgetNotSaved), "message", &error),
            true,
        )),
    };
    move || {
        (has_records() && ctl.can_save()).then(|| {
            view! {
                <form class="dcti-w-pair" on:submit=submit>
                    <label class="dcti-w-note">
                        <span>{ctl.t(Text::Note)}</span>
                        <textarea
                            name="note"
                            rows="3"
                            prop:value=move || ctl.note.get()
                            on:input=move |ev| ctl.note.set(event_target_value(&ev))
                        ></textarea>
                    </label>
                    <button type="submit" class="dcti-w-save">{ctl.t(Text::WidgetSave)}</button>
                    {move || state().map(|(token, text, refused)| view! {
                        <p class="dcti-w-status" role="status" data-state=token>
                            {text}
                            {refused.then(|| view! {
                                <button type="button" class="dcti-w-retry" on:click=move |_| ctl.retry()>
                                    {ctl.t(Text::WidgetRetry)}
                                </button>
                            })}
                        </p>
                    })}
                </form>
            }
        })
    }
}
