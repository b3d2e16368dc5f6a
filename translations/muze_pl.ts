<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>muze::Job</name>
    <message>
        <source>Unexpected failure: %1</source>
        <translation>Nieoczekiwany błąd: %1</translation>
    </message>
</context>
<context>
    <name>muze::ListenPage</name>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>stereo</translation>
    </message>
    <message numerus="yes">
        <source>%n channels</source>
        <translation>
            <numerusform>%n kanał</numerusform>
            <numerusform>%n kanały</numerusform>
            <numerusform>%n kanałów</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Odsłuch</translation>
    </message>
    <message>
        <source>Open a song with File ▸ Open (Ctrl+O), or drop it here.</source>
        <translation>Otwórz utwór przez Plik ▸ Otwórz (Ctrl+O) albo upuść go tutaj.</translation>
    </message>
    <message>
        <source>Opening cancelled.</source>
        <translation>Otwieranie anulowane.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Otwieranie %1…</translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation>Dekodowanie</translation>
    </message>
    <message>
        <source>Drawing the waveform</source>
        <translation>Rysowanie przebiegu</translation>
    </message>
    <message>
        <source>Computing the spectrogram</source>
        <translation>Obliczanie spektrogramu</translation>
    </message>
    <message>
        <source>%1, %2 left</source>
        <translation>%1, zostało %2</translation>
    </message>
    <message>
        <source>Could not open %1.
%2</source>
        <translation>Nie udało się otworzyć %1.
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged packet(s) in this file were skipped; you may hear gaps.</source>
        <translation>
            <numerusform>Pominięto %n uszkodzony pakiet w tym pliku; mogą być słyszalne przerwy.</numerusform>
            <numerusform>Pominięto %n uszkodzone pakiety w tym pliku; mogą być słyszalne przerwy.</numerusform>
            <numerusform>Pominięto %n uszkodzonych pakietów w tym pliku; mogą być słyszalne przerwy.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1 in %2 s.</source>
        <translation>Otwarto %1 w %2 s.</translation>
    </message>
    <message>
        <source>%1 kHz</source>
        <translation>%1 kHz</translation>
    </message>
    <message>
        <source>PCM %1-bit</source>
        <translation>PCM %1-bit</translation>
    </message>
</context>
<context>
    <name>muze::MainWindow</name>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.oga *.opus *.m4a *.aac *.aif *.aiff *.wv *.mka *.webm);;All files (*)</source>
        <translation>Pliki dźwiękowe (*.wav *.flac *.mp3 *.ogg *.oga *.opus *.m4a *.aac *.aif *.aiff *.wv *.mka *.webm);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Muze Studio</source>
        <translation>Muze Studio</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Odsłuch</translation>
    </message>
    <message>
        <source>%1 — Muze Studio</source>
        <translation>%1 — Muze Studio</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Gotowe.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Otwórz…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ostatnio &amp;otwierane</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Za&amp;kończ</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Odtwarzanie</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Odtwórz / Wstrzymaj</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Zatrzymaj</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Go to &amp;Start</source>
        <translation>Przejdź na &amp;początek</translation>
    </message>
    <message>
        <source>&amp;Back 5 Seconds</source>
        <translation>&amp;Cofnij o 5 sekund</translation>
    </message>
    <message>
        <source>&amp;Forward 5 Seconds</source>
        <translation>&amp;Naprzód o 5 sekund</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Po&amp;większ</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Po&amp;mniejsz</translation>
    </message>
    <message>
        <source>&amp;Whole Song</source>
        <translation>&amp;Cały utwór</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;About Muze Studio</source>
        <translation>&amp;O Muze Studio</translation>
    </message>
    <message>
        <source>About Muze Studio</source>
        <translation>O Muze Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Muze Studio %1&lt;/h3&gt;&lt;p&gt;Text-to-music that runs on your own machine.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Muze Studio %1&lt;/h3&gt;&lt;p&gt;Muzyka z tekstu, tworzona na twoim własnym komputerze.&lt;/p&gt;&lt;p&gt;Wolne oprogramowanie na licencji GNU General Public License w wersji 3 lub późniejszej.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a Song</source>
        <translation>Otwórz utwór</translation>
    </message>
</context>
<context>
    <name>muze::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>muze::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Domyślne systemowe</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 ramek</translation>
    </message>
    <message>
        <source>Smaller buffers answer sooner; larger ones are safer on a busy machine.</source>
        <translation>Mniejszy bufor reaguje szybciej; większy jest bezpieczniejszy na obciążonym komputerze.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Longer files are refused before decoding, so a damaged or hostile file cannot fill the memory.</source>
        <translation>Dłuższe pliki są odrzucane przed dekodowaniem, aby uszkodzony lub złośliwy plik nie zapełnił pamięci.</translation>
    </message>
    <message>
        <source>A new language applies the next time Muze Studio starts.</source>
        <translation>Nowy język zacznie obowiązywać po ponownym uruchomieniu Muze Studio.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Język:</translation>
    </message>
    <message>
        <source>Audio output:</source>
        <translation>Wyjście audio:</translation>
    </message>
    <message>
        <source>Buffer size:</source>
        <translation>Rozmiar bufora:</translation>
    </message>
    <message>
        <source>Longest file to open:</source>
        <translation>Najdłuższy otwierany plik:</translation>
    </message>
</context>
<context>
    <name>muze::SpectrogramView</name>
    <message>
        <source>Log-mel spectrogram, as the model hears the song. Click to play from here.</source>
        <translation>Spektrogram log-mel, czyli utwór tak, jak słyszy go model. Kliknij, aby odtwarzać od tego miejsca.</translation>
    </message>
    <message>
        <source>The spectrogram appears here</source>
        <translation>Tu pojawi się spektrogram</translation>
    </message>
</context>
<context>
    <name>muze::TransportBar</name>
    <message>
        <source>Stop and return to the start</source>
        <translation>Zatrzymaj i wróć na początek</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Wstrzymaj (Spacja)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Odtwórz (Spacja)</translation>
    </message>
</context>
<context>
    <name>muze::WaveformOverview</name>
    <message>
        <source>The whole song. Click or drag to move the view.</source>
        <translation>Cały utwór. Kliknij lub przeciągnij, aby przesunąć widok.</translation>
    </message>
</context>
<context>
    <name>muze::WaveformView</name>
    <message>
        <source>Click to play from here. Wheel to zoom, Shift+wheel or drag to scroll.</source>
        <translation>Kliknij, aby odtwarzać od tego miejsca. Kółko przybliża, Shift+kółko lub przeciągnięcie przewija.</translation>
    </message>
    <message>
        <source>Open a song to see its waveform</source>
        <translation>Otwórz utwór, aby zobaczyć jego przebieg</translation>
    </message>
    <message>
        <source>Mono</source>
        <translation>Mono</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>R</source>
        <translation>P</translation>
    </message>
</context>
</TS>
