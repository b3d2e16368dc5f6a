<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>muze::Job</name>
    <message>
        <source>Unexpected failure: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::ListenPage</name>
    <message>
        <source>mono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stereo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channels</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a song with File ▸ Open (Ctrl+O), or drop it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the waveform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the spectrogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n damaged packet(s) in this file were skipped; you may hear gaps.</source>
        <translation>
            <numerusform>%n damaged packet in this file was skipped; you may hear a gap.</numerusform>
            <numerusform>%n damaged packets in this file were skipped; you may hear gaps.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1 in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kHz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCM %1-bit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::MainWindow</name>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.oga *.opus *.m4a *.aac *.aif *.aiff *.wv *.mka *.webm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muze Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Muze Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back 5 Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward 5 Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Muze Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Muze Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Muze Studio %1&lt;/h3&gt;&lt;p&gt;Text-to-music that runs on your own machine.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Song</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller buffers answer sooner; larger ones are safer on a busy machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer files are refused before decoding, so a damaged or hostile file cannot fill the memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Muze Studio starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buffer size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest file to open:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::SpectrogramView</name>
    <message>
        <source>Log-mel spectrogram, as the model hears the song. Click to play from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spectrogram appears here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::TransportBar</name>
    <message>
        <source>Stop and return to the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::WaveformOverview</name>
    <message>
        <source>The whole song. Click or drag to move the view.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::WaveformView</name>
    <message>
        <source>Click to play from here. Wheel to zoom, Shift+wheel or drag to scroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a song to see its waveform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
