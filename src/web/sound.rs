//! Sound: a chart played as a tone (Web Audio).

use super::{js_message, WebError};
use wasm_bindgen::JsValue;

/// A tone playing in the browser (Web Audio): an oscillator whose pitch follows a tune. Dropped
/// or stopped, it falls silent.
pub struct Sound {
    context: web_sys::AudioContext,
}

impl Sound {
    /// Plays `tones` (seconds from the start, pitch in Hz) for `seconds`, softly, fading in and
    /// out; says plainly when the browser has no Web Audio or refuses a step, and then closes
    /// the audio context it opened.
    pub fn play(tones: &[(f64, f64)], seconds: f64) -> Result<Sound, WebError> {
        let failed = |e: JsValue| {
            WebError(format!(
                "this browser cannot play the chart as sound ({})",
                js_message(&e)
            ))
        };
        // Held by the `Sound` from the start: any step that fails below drops it, which closes it.
        let sound = Sound {
            context: web_sys::AudioContext::new().map_err(failed)?,
        };
        let context = &sound.context;
        let oscillator = context.create_oscillator().map_err(failed)?;
        let gain = context.create_gain().map_err(failed)?;
        oscillator.set_type(web_sys::OscillatorType::Sine);
        let start = context.current_time() + 0.05;
        let pitch = oscillator.frequency();
        for (at, hz) in tones {
            pitch.set_value_at_time(*hz as f32, start + at).map_err(failed)?;
        }
        let volume = gain.gain();
        volume.set_value_at_time(0.0, start).map_err(failed)?;
        volume
            .linear_ramp_to_value_at_time(0.15, start + 0.05)
            .map_err(failed)?;
        volume.set_value_at_time(0.15, start + seconds).map_err(failed)?;
        volume
            .linear_ramp_to_value_at_time(0.0, start + seconds + 0.1)
            .map_err(failed)?;
        oscillator.connect_with_audio_node(&gain).map_err(failed)?;
        gain.connect_with_audio_node(&context.destination()).map_err(failed)?;
        oscillator.start_with_when(start).map_err(failed)?;
        oscillator.stop_with_when(start + seconds + 0.15).map_err(failed)?;
        Ok(sound)
    }
}

impl Drop for Sound {
    fn drop(&mut self) {
        // Closing the context stops everything it plays and frees the audio device.
        if let Ok(closed) = self.context.close() {
            drop(closed);
        }
    }
}
