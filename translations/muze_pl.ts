<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>muze::BarChart</name>
    <message>
        <source>tracks</source>
        <translation>utwory</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n track(s)</source>
        <translation>
            <numerusform>%1: %n utwór</numerusform>
            <numerusform>%1: %n utwory</numerusform>
            <numerusform>%1: %n utworów</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::BuildDatasetDialog</name>
    <message>
        <source>Build a Dataset</source>
        <translation>Zbuduj zbiór danych</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Zbuduj</translation>
    </message>
    <message>
        <source>Write each song&apos;s vocal estimate beside the dataset</source>
        <translation>Zapisz obok zbioru oszacowany wokal każdego utworu</translation>
    </message>
    <message>
        <source>Recognise sung words when a song has no lyrics tag or sidecar file</source>
        <translation>Rozpoznawaj śpiewane słowa, gdy utwór nie ma tekstu w tagach ani w pliku obok</translation>
    </message>
    <message>
        <source>Slow, and only words the recogniser is sure of are kept.</source>
        <translation>Powolne; zachowywane są tylko słowa, których rozpoznawanie jest pewne.</translation>
    </message>
    <message>
        <source>The lyrics&apos; language, for their phonemes.</source>
        <translation>Język tekstów, do wyznaczenia fonemów.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>wszystkie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Dataset File</source>
        <translation>Plik zbioru danych</translation>
    </message>
    <message>
        <source>Dataset (*.json)</source>
        <translation>Zbiór danych (*.json)</translation>
    </message>
    <message>
        <source>Songs in:</source>
        <translation>Utwory w:</translation>
    </message>
    <message>
        <source>Dataset file:</source>
        <translation>Plik zbioru:</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>Jednocześnie:</translation>
    </message>
    <message>
        <source>Lyrics language:</source>
        <translation>Język tekstów:</translation>
    </message>
    <message>
        <source>Only the first:</source>
        <translation>Tylko pierwsze:</translation>
    </message>
    <message>
        <source>Longest song:</source>
        <translation>Najdłuższy utwór:</translation>
    </message>
    <message>
        <source>A dataset that exists is updated: only new and changed songs are analysed, and your edits are kept.</source>
        <translation>Istniejący zbiór zostanie zaktualizowany: analizowane są tylko nowe i zmienione utwory, a twoje zmiany zostają.</translation>
    </message>
    <message>
        <source>Files that could not be used</source>
        <translation>Pliki, których nie udało się użyć</translation>
    </message>
    <message>
        <source>Looking for songs…</source>
        <translation>Szukanie utworów…</translation>
    </message>
    <message>
        <source>Done: %1 analysed, %2 unchanged, %3 could not be used.</source>
        <translation>Gotowe: przeanalizowano %1, bez zmian %2, nie udało się użyć %3.</translation>
    </message>
    <message>
        <source>The build stopped: %1</source>
        <translation>Budowanie przerwane: %1</translation>
    </message>
    <message>
        <source>Cancelled. What was analysed is kept: building again carries on from there.</source>
        <translation>Anulowano. To, co przeanalizowano, zostaje: ponowne budowanie zacznie od tego miejsca.</translation>
    </message>
    <message>
        <source>%1 of %2 songs</source>
        <translation>%1 z %2 utworów</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>zostało %1</translation>
    </message>
    <message>
        <source>Cancelling after the songs in progress…</source>
        <translation>Anulowanie po dokończeniu bieżących utworów…</translation>
    </message>
    <message>
        <source>built-in voice embeddings</source>
        <translation>wbudowane osadzenia głosu</translation>
    </message>
    <message>
        <source>voice from %1</source>
        <translation>głos z %1</translation>
    </message>
    <message>
        <source>no CLAP</source>
        <translation>bez CLAP</translation>
    </message>
    <message>
        <source>CLAP from %1</source>
        <translation>CLAP z %1</translation>
    </message>
    <message>
        <source>%1, %2 (change them in Preferences)</source>
        <translation>%1, %2 (zmienisz je w Ustawieniach)</translation>
    </message>
    <message>
        <source>Embeddings:</source>
        <translation>Osadzenia:</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) kept without a look at their songs.</source>
        <translation>
            <numerusform>%n rekord zachowano bez sprawdzania utworu.</numerusform>
            <numerusform>%n rekordy zachowano bez sprawdzania ich utworów.</numerusform>
            <numerusform>%n rekordów zachowano bez sprawdzania ich utworów.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder holds no songs (is it empty, or a drive that is not connected?), so nothing was dropped.</source>
        <translation>W folderze nie ma utworów (jest pusty albo to niepodłączony dysk?), więc niczego nie usunięto.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of songs no longer in the folder were dropped:</source>
        <translation>
            <numerusform>Usunięto %n rekord utworu, którego nie ma już w folderze:</numerusform>
            <numerusform>Usunięto %n rekordy utworów, których nie ma już w folderze:</numerusform>
            <numerusform>Usunięto %n rekordów utworów, których nie ma już w folderze:</numerusform>
        </translation>
    </message>
    <message>
        <source>Dropped: %1</source>
        <translation>Usunięto: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of songs no longer in the folder kept, as you chose.</source>
        <translation>
            <numerusform>Zachowano, jak wybrano, %n rekord utworu, którego nie ma już w folderze.</numerusform>
            <numerusform>Zachowano, jak wybrano, %n rekordy utworów, których nie ma już w folderze.</numerusform>
            <numerusform>Zachowano, jak wybrano, %n rekordów utworów, których nie ma już w folderze.</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatycznie</translation>
    </message>
    <message>
        <source>Songs analysed at once. Automatic: one per processor core, fewer when free memory would not hold them.</source>
        <translation>Utwory analizowane naraz. Automatycznie: jeden na rdzeń procesora, mniej, gdy wolna pamięć by ich nie pomieściła.</translation>
    </message>
    <message numerus="yes">
        <source>%n at once: free memory would not hold more analyses of the longest song</source>
        <translation>
            <numerusform>%n naraz: wolna pamięć nie pomieściłaby więcej analiz najdłuższego utworu</numerusform>
            <numerusform>%n naraz: wolna pamięć nie pomieściłaby więcej analiz najdłuższego utworu</numerusform>
            <numerusform>%n naraz: wolna pamięć nie pomieściłaby więcej analiz najdłuższego utworu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at once</source>
        <translation>
            <numerusform>%n naraz</numerusform>
            <numerusform>%n naraz</numerusform>
            <numerusform>%n naraz</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::ComposePage</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generuj</translation>
    </message>
    <message>
        <source>Song</source>
        <translation>Utwór</translation>
    </message>
    <message>
        <source>What the song should sound like: warm folk with a fingerpicked guitar</source>
        <translation>Jak ma brzmieć utwór: ciepły folk z gitarą graną palcami</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Lay Out</source>
        <translation>Rozplanuj</translation>
    </message>
    <message>
        <source>Replace the sections with the template&apos;s, over the duration (undoable)</source>
        <translation>Zastąp sekcje sekcjami szablonu na całą długość (można cofnąć)</translation>
    </message>
    <message>
        <source>Model Folder</source>
        <translation>Folder modelu</translation>
    </message>
    <message>
        <source>a model folder the Train page or `muze train` filled</source>
        <translation>folder modelu wypełniony na stronie Trening lub przez `muze train`</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Opis:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Forma:</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modele:</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sekcje</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Dodaj</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Powiel</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generowanie</translation>
    </message>
    <message>
        <source>Classifier-free guidance: how strongly the prompt and the plan are followed</source>
        <translation>Classifier-free guidance: jak ściśle przestrzegane są opis i plan</translation>
    </message>
    <message>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <source>DPM-Solver++ (10-25 steps)</source>
        <translation>DPM-Solver++ (10–25 kroków)</translation>
    </message>
    <message>
        <source>DDPM</source>
        <translation>DDPM</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Zablokuj</translation>
    </message>
    <message>
        <source>Locked, the same seed makes the same song; unlocked, each take gets a new one</source>
        <translation>Zablokowane: to samo ziarno daje ten sam utwór; odblokowane: każde podejście dostaje nowe</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generuj</translation>
    </message>
    <message>
        <source>Generate a new take (Ctrl+Enter)</source>
        <translation>Wygeneruj nowe podejście (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>CFG:</source>
        <translation>CFG:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Kroki:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Ziarno:</translation>
    </message>
    <message>
        <source>Regenerate the Section</source>
        <translation>Wygeneruj sekcję od nowa</translation>
    </message>
    <message>
        <source>Edit This Take&apos;s Plan</source>
        <translation>Edytuj plan tego podejścia</translation>
    </message>
    <message>
        <source>Lay out the %1 template</source>
        <translation>Rozplanuj według szablonu %1</translation>
    </message>
    <message>
        <source>This take&apos;s section cannot be made anew: %1</source>
        <translation>Nie można wygenerować od nowa sekcji tego podejścia: %1</translation>
    </message>
    <message>
        <source>%1, about %2 s left</source>
        <translation>%1, zostało około %2 s</translation>
    </message>
    <message>
        <source>Generated %1.</source>
        <translation>Wygenerowano %1.</translation>
    </message>
    <message>
        <source>The song was not made: %1</source>
        <translation>Utwór nie powstał: %1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Anulowano; niczego nie zapisano.</translation>
    </message>
    <message>
        <source>Edit %1&apos;s plan</source>
        <translation>Edytuj plan %1</translation>
    </message>
    <message>
        <source>This take&apos;s plan cannot be read: %1</source>
        <translation>Nie można odczytać planu tego podejścia: %1</translation>
    </message>
    <message>
        <source>Section %1 of %2 (%3)</source>
        <translation>Sekcja %1 z %2 (%3)</translation>
    </message>
    <message>
        <source>Loading the models</source>
        <translation>Wczytywanie modeli</translation>
    </message>
    <message>
        <source>Choose the model folder to generate with: one the Train page or `muze train` filled.</source>
        <translation>Wybierz folder modelu do generowania: wypełniony na stronie Trening lub przez `muze train`.</translation>
    </message>
    <message>
        <source>Listening to the voice to sound like</source>
        <translation>Słuchanie głosu, do którego utwór ma być podobny</translation>
    </message>
    <message>
        <source>Singing the lyrics</source>
        <translation>Śpiewanie tekstu</translation>
    </message>
    <message>
        <source>A Recording of the Voice</source>
        <translation>Nagranie głosu</translation>
    </message>
    <message>
        <source>Audio (*.wav *.flac *.mp3 *.ogg *.m4a)</source>
        <translation>Dźwięk (*.wav *.flac *.mp3 *.ogg *.m4a)</translation>
    </message>
    <message>
        <source>Sound like:</source>
        <translation>Brzmienie jak:</translation>
    </message>
    <message>
        <source>Make the section selected above anew in this take, as the editor has it now and with a new seed; the rest stays as it is</source>
        <translation>Wygeneruj od nowa zaznaczoną wyżej sekcję tego podejścia, w jej obecnej postaci z edytora i z nowym ziarnem; reszta zostaje bez zmian</translation>
    </message>
    <message>
        <source>Put this take&apos;s plan into the editor (undoable)</source>
        <translation>Wczytaj plan tego podejścia do edytora (można cofnąć)</translation>
    </message>
    <message>
        <source>the planner&apos;s proposal</source>
        <translation>propozycja planisty</translation>
    </message>
    <message>
        <source>Lay out the planner&apos;s proposal</source>
        <translation>Rozplanuj według propozycji planisty</translation>
    </message>
    <message>
        <source>The planner proposed no sections for this prompt and duration: choose a template.</source>
        <translation>Planista nie zaproponował sekcji dla tego opisu i długości: wybierz szablon.</translation>
    </message>
    <message>
        <source>The planner cannot propose a plan: %1</source>
        <translation>Planista nie może zaproponować planu: %1</translation>
    </message>
    <message>
        <source>The planner is proposing the sections…</source>
        <translation>Planista proponuje sekcje…</translation>
    </message>
    <message>
        <source>The lyrics cannot be sung: %1</source>
        <translation>Nie można zaśpiewać tekstu: %1</translation>
    </message>
    <message>
        <source>the take has no section %1.</source>
        <translation>podejście nie ma sekcji %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a recording; as an artist&apos;s name it needs the dataset that knows the artist: open it in the Library.</source>
        <translation>„%1” nie jest nagraniem; jako nazwa wykonawcy wymaga zbioru, który go zna: otwórz go w Bibliotece.</translation>
    </message>
    <message>
        <source>&amp;Open Plan…</source>
        <translation>&amp;Otwórz plan…</translation>
    </message>
    <message>
        <source>&amp;Save Plan As…</source>
        <translation>&amp;Zapisz plan jako…</translation>
    </message>
    <message>
        <source>Edit a saved plan, or the plan of a song `muze generate` made (its OUTPUT.json)</source>
        <translation>Edytuj zapisany plan albo plan utworu zrobionego przez `muze generate` (jego OUTPUT.json)</translation>
    </message>
    <message>
        <source>Save the plan as JSON, for `muze generate --plan` or to open again</source>
        <translation>Zapisz plan jako JSON, dla `muze generate --plan` albo do ponownego otwarcia</translation>
    </message>
    <message>
        <source>Open a Plan</source>
        <translation>Otwórz plan</translation>
    </message>
    <message>
        <source>Plans and songs (*.json)</source>
        <translation>Plany i utwory (*.json)</translation>
    </message>
    <message>
        <source>Save the Plan</source>
        <translation>Zapisz plan</translation>
    </message>
    <message>
        <source>Plan (*.json)</source>
        <translation>Plan (*.json)</translation>
    </message>
    <message>
        <source>The plan cannot be opened: %1</source>
        <translation>Nie można otworzyć planu: %1</translation>
    </message>
    <message>
        <source>Saved the plan as %1.</source>
        <translation>Zapisano plan jako %1.</translation>
    </message>
    <message>
        <source>The plan was not saved: %1</source>
        <translation>Plan nie został zapisany: %1</translation>
    </message>
    <message>
        <source>optional: a recording, or an artist of the Library&apos;s dataset</source>
        <translation>opcjonalnie: nagranie albo wykonawca ze zbioru w Bibliotece</translation>
    </message>
    <message>
        <source>The song sounds like this voice: a recording&apos;s, or an artist&apos;s of the dataset open in the Library</source>
        <translation>Utwór brzmi jak ten głos: z nagrania albo wykonawcy ze zbioru otwartego w Bibliotece</translation>
    </message>
    <message>
        <source>The demo model: trained on General MIDI songs the studio rendered, not on your music.</source>
        <translation>Model demonstracyjny: wytrenowany na utworach General MIDI wyrenderowanych przez studio, nie na Twojej muzyce.</translation>
    </message>
    <message>
        <source>This is the demo model: every part at the tiny size, trained for about %1 minutes on %2 General MIDI songs that the studio composed and rendered itself. It shows how generation works; it does not know your music. A model of your own songs: build a dataset of them in the Library, then train on it in Train.</source>
        <translation>To model demonstracyjny: wszystkie części w rozmiarze tiny, trenowane przez około %1 minut na %2 utworach General MIDI, które studio samo skomponowało i wyrenderowało. Pokazuje, jak działa generowanie; nie zna Twojej muzyki. Model Twoich własnych utworów: zbuduj z nich zbiór danych w Bibliotece, a potem wytrenuj na nim model na stronie Trening.</translation>
    </message>
    <message>
        <source>Vocoder</source>
        <translation>Wokoder</translation>
    </message>
    <message>
        <source>Griffin-Lim</source>
        <translation>Griffin-Lim</translation>
    </message>
    <message>
        <source>How the model&apos;s spectrogram becomes sound: the trained vocoder sounds cleaner; Griffin-Lim sounds phasey but, with a small model such as the demo, keeps the notes and the key better. Without a trained vocoder, Griffin-Lim is used either way.</source>
        <translation>Jak spektrogram modelu staje się dźwiękiem: wytrenowany wokoder brzmi czyściej; Griffin-Lim brzmi fazująco, ale przy małym modelu, takim jak demonstracyjny, lepiej zachowuje nuty i tonację. Bez wytrenowanego wokodera Griffin-Lim jest używany tak czy inaczej.</translation>
    </message>
    <message>
        <source>Sound:</source>
        <translation>Dźwięk:</translation>
    </message>
    <message>
        <source>Tempo, key:</source>
        <translation>Tempo, tonacja:</translation>
    </message>
    <message>
        <source>Beat guidance: how strongly the plan&apos;s beat grid, and so its tempo, is followed; 0 is none and a little faster</source>
        <translation>Prowadzenie rytmu: jak ściśle jest przestrzegana siatka uderzeń planu, a więc jego tempo; 0 to brak i nieco szybciej</translation>
    </message>
    <message>
        <source>Beat:</source>
        <translation>Rytm:</translation>
    </message>
</context>
<context>
    <name>muze::FirstRunGuide</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Measuring what each step takes on this machine…</source>
        <translation>Mierzę, ile każdy krok zajmie na tym komputerze…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your own model, in four steps.&lt;/b&gt; Each is one click; the times are measured on this machine when you choose your songs.</source>
        <translation>&lt;b&gt;Twój własny model w czterech krokach.&lt;/b&gt; Każdy to jedno kliknięcie; czasy są mierzone na tym komputerze, gdy wybierzesz swoje utwory.</translation>
    </message>
    <message>
        <source>Choose your songs</source>
        <translation>Wybierz swoje utwory</translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation>Wybierz folder…</translation>
    </message>
    <message>
        <source>Build the dataset</source>
        <translation>Zbuduj zbiór danych</translation>
    </message>
    <message>
        <source>Build Dataset</source>
        <translation>Zbuduj zbiór danych</translation>
    </message>
    <message>
        <source>Train the model</source>
        <translation>Wytrenuj model</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trenuj</translation>
    </message>
    <message>
        <source>Compose a song</source>
        <translation>Skomponuj utwór</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Komponuj</translation>
    </message>
    <message>
        <source>Choose the Folder of Your Songs</source>
        <translation>Wybierz folder ze swoimi utworami</translation>
    </message>
    <message>
        <source>What the steps take could not be measured: %1</source>
        <translation>Nie udało się zmierzyć, ile zajmą kroki: %1</translation>
    </message>
    <message>
        <source>The folder of songs the model is to learn from: a few dozen or more, in any format the studio plays.</source>
        <translation>Folder z utworami, na których model ma się uczyć: kilkadziesiąt lub więcej, w dowolnym formacie, który studio odtwarza.</translation>
    </message>
    <message>
        <source>%1 songs, %2 of audio, in %3.</source>
        <translation>Utwory: %1, nagrań: %2, w %3.</translation>
    </message>
    <message>
        <source>Each song&apos;s tempo, beats, key, chords, sections, pitch and lyrics, analysed into %1.</source>
        <translation>Tempo, uderzenia, tonacja, akordy, sekcje, wysokość dźwięku i tekst każdego utworu, przeanalizowane do %1.</translation>
    </message>
    <message>
        <source>The vocoder, the VAE, the planner and the diffusion model, each at the tiny size for a fixed number of steps: the recipe the demo model was made by. Into %1 beside the songs.</source>
        <translation>Wokoder, VAE, planer i model dyfuzyjny, każdy w rozmiarze tiny przez ustaloną liczbę kroków: przepis, według którego powstał model demonstracyjny. Do %1 obok utworów.</translation>
    </message>
    <message>
        <source>A song from a template, made by the model you trained.</source>
        <translation>Utwór z szablonu, stworzony przez wytrenowany przez Ciebie model.</translation>
    </message>
    <message>
        <source>About %1 here (measured: excerpts of %2 songs, %3 s in all, analysed in %4 s, %5 at once).</source>
        <translation>Tutaj około %1 (zmierzone: fragmenty %2 utworów, łącznie %3 s, przeanalizowane w %4 s, po %5 naraz).</translation>
    </message>
    <message>
        <source>About %1 here (measured: training steps of each part, and moving the songs to C; one of the diffusion model&apos;s steps takes %2 s).</source>
        <translation>Tutaj około %1 (zmierzone: kroki treningu każdej części i przeniesienie piosenek do C; jeden krok modelu dyfuzyjnego trwa %2 s).</translation>
    </message>
    <message>
        <source>A %1 s song in about %2 here (measured with the demo model, which has the same size).</source>
        <translation>Utwór %1 s tutaj w około %2 (zmierzone modelem demonstracyjnym, który ma ten sam rozmiar).</translation>
    </message>
    <message>
        <source>The dataset is there: building again analyses only new and changed songs.</source>
        <translation>Zbiór danych już jest: ponowne budowanie analizuje tylko nowe i zmienione utwory.</translation>
    </message>
</context>
<context>
    <name>muze::GenerateJob</name>
    <message>
        <source>The take is the instrumental alone: its vocals could not be made. %1</source>
        <translation>Podejście to sam podkład: nie udało się zrobić wokalu. %1</translation>
    </message>
    <message>
        <source>The take was made with other models than the ones chosen now, and its neighbouring sections would change with them. Choose the model folder it was made with, or generate a new take.</source>
        <translation>To ujęcie powstało z innymi modelami niż wybrane teraz, a sąsiednie sekcje zmieniłyby się razem z nimi. Wybierz folder modelu, z którym je zrobiono, albo wygeneruj nowe ujęcie.</translation>
    </message>
</context>
<context>
    <name>muze::Job</name>
    <message>
        <source>Unexpected failure: %1</source>
        <translation>Nieoczekiwany błąd: %1</translation>
    </message>
    <message>
        <source>Unexpected failure of an unknown kind.</source>
        <translation>Nieoczekiwany błąd nieznanego rodzaju.</translation>
    </message>
</context>
<context>
    <name>muze::LibraryModel</name>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Wykonawca</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Gatunek</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonacja</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Metrum</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Długość</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>Wokal</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energia</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trening</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
</context>
<context>
    <name>muze::LibraryPage</name>
    <message>
        <source>New from Folder…</source>
        <translation>Nowy z folderu…</translation>
    </message>
    <message>
        <source>Open Dataset…</source>
        <translation>Otwórz zbiór…</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualizuj</translation>
    </message>
    <message>
        <source>Analyse the songs added or changed in the folder since the last build.</source>
        <translation>Przeanalizuj utwory dodane lub zmienione w folderze od ostatniego budowania.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Include in training</source>
        <translation>Uwzględnij w treningu</translation>
    </message>
    <message>
        <source>Leave out of training</source>
        <translation>Pomiń w treningu</translation>
    </message>
    <message>
        <source>No dataset open: build one from a folder of songs, or open one.</source>
        <translation>Brak otwartego zbioru: zbuduj go z folderu utworów albo otwórz istniejący.</translation>
    </message>
    <message>
        <source>Search title, artist, genre, file…</source>
        <translation>Szukaj tytułu, wykonawcy, gatunku, pliku…</translation>
    </message>
    <message>
        <source>With or without vocals</source>
        <translation>Z wokalem lub bez</translation>
    </message>
    <message>
        <source>With vocals</source>
        <translation>Z wokalem</translation>
    </message>
    <message>
        <source>Instrumental</source>
        <translation>Instrumentalne</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>any</source>
        <translation>dowolne</translation>
    </message>
    <message>
        <source>Any genre</source>
        <translation>Każdy gatunek</translation>
    </message>
    <message>
        <source>Any artist</source>
        <translation>Każdy wykonawca</translation>
    </message>
    <message>
        <source>Any key</source>
        <translation>Każda tonacja</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Open a Dataset</source>
        <translation>Otwórz zbiór danych</translation>
    </message>
    <message>
        <source>Datasets (*.json)</source>
        <translation>Zbiory danych (*.json)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Wczytywanie %1…</translation>
    </message>
    <message>
        <source>Could not open the dataset %1.
%2</source>
        <translation>Nie udało się otworzyć zbioru %1.
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n utwór</numerusform>
            <numerusform>%n utwory</numerusform>
            <numerusform>%n utworów</numerusform>
        </translation>
    </message>
    <message>
        <source>This record cannot be read: %1</source>
        <translation>Nie można odczytać tego rekordu: %1</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>zmieniony</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>zapisany</translation>
    </message>
    <message>
        <source>The dataset could not be saved; your edits are still here.
%1</source>
        <translation>Nie udało się zapisać zbioru; twoje zmiany są nadal tutaj.
%1</translation>
    </message>
    <message>
        <source>Choose the Folder of Songs</source>
        <translation>Wybierz folder z utworami</translation>
    </message>
    <message>
        <source>Save the Dataset Elsewhere</source>
        <translation>Zapisz zbiór w innym miejscu</translation>
    </message>
    <message>
        <source>Where Are the Songs of %1?</source>
        <translation>Gdzie są utwory zbioru %1?</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Utwory</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statystyki</translation>
    </message>
    <message>
        <source>Click to show all the tracks again.</source>
        <translation>Kliknij, aby znów pokazać wszystkie utwory.</translation>
    </message>
    <message>
        <source>Select the tracks whose prompts a language model should rewrite.</source>
        <translation>Zaznacz utwory, których opisy ma przepisać model językowy.</translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 for %n prompt(s)…</source>
        <translation>
            <numerusform>Proszenie %1 o %n opis…</numerusform>
            <numerusform>Proszenie %1 o %n opisy…</numerusform>
            <numerusform>Proszenie %1 o %n opisów…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>zostało %1</translation>
    </message>
    <message numerus="yes">
        <source>Rewrite %n prompt(s)</source>
        <translation>
            <numerusform>Przepisz %n opis</numerusform>
            <numerusform>Przepisz %n opisy</numerusform>
            <numerusform>Przepisz %n opisów</numerusform>
        </translation>
    </message>
    <message>
        <source>Rewrite prompt</source>
        <translation>Przepisz opis</translation>
    </message>
    <message numerus="yes">
        <source>%1 wrote %n prompt(s).</source>
        <translation>
            <numerusform>%1 napisał %n opis.</numerusform>
            <numerusform>%1 napisał %n opisy.</numerusform>
            <numerusform>%1 napisał %n opisów.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) kept their prompt: %1</source>
        <translation>
            <numerusform>%n utwór zachował swój opis: %1</numerusform>
            <numerusform>%n utwory zachowały swoje opisy: %1</numerusform>
            <numerusform>%n utworów zachowało swoje opisy: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::LibraryQuestions</name>
    <message>
        <source>The Dataset Was Not Saved</source>
        <translation>Zbiór nie został zapisany</translation>
    </message>
    <message>
        <source>Your edits could not be saved, so they are still only in the studio.</source>
        <translation>Nie udało się zapisać twoich zmian, więc są na razie tylko w studiu.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Spróbuj ponownie</translation>
    </message>
    <message>
        <source>Save Elsewhere…</source>
        <translation>Zapisz gdzie indziej…</translation>
    </message>
    <message>
        <source>Discard the Edits</source>
        <translation>Porzuć zmiany</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… i jeszcze %n</numerusform>
            <numerusform>… i jeszcze %n</numerusform>
            <numerusform>… i jeszcze %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Songs No Longer in the Folder</source>
        <translation>Utwory, których nie ma już w folderze</translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) of the dataset are no longer in the folder. Drop their records, with your edits of them?</source>
        <translation>
            <numerusform>%n utworu zbioru nie ma już w folderze. Usunąć jego rekord razem z twoimi zmianami?</numerusform>
            <numerusform>%n utworów zbioru nie ma już w folderze. Usunąć ich rekordy razem z twoimi zmianami?</numerusform>
            <numerusform>%n utworów zbioru nie ma już w folderze. Usunąć ich rekordy razem z twoimi zmianami?</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop Them</source>
        <translation>Usuń je</translation>
    </message>
    <message>
        <source>Keep Them</source>
        <translation>Zachowaj je</translation>
    </message>
    <message>
        <source>Datasets (*.json)</source>
        <translation>Zbiory danych (*.json)</translation>
    </message>
    <message>
        <source>Rewrite Prompts</source>
        <translation>Przepisz opisy</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>OpenAI-compatible (/v1/chat/completions)</source>
        <translation>Zgodny z OpenAI (/v1/chat/completions)</translation>
    </message>
    <message>
        <source>e.g. llama3.2</source>
        <translation>np. llama3.2</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>Przepisz</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serwer:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message numerus="yes">
        <source>A language model writes each of the %n selected track(s)&apos; prompt from its analysed facts. The sentences replace the prompts, as one edit you can undo. An API key, where the server needs one, comes from OPENAI_API_KEY or Preferences.</source>
        <translation>
            <numerusform>Model językowy napisze opis zaznaczonego utworu na podstawie wyników analizy. Zdanie zastąpi opis jako zmiana, którą można cofnąć. Klucz API, jeśli serwer go wymaga, pochodzi z OPENAI_API_KEY lub z Preferencji.</numerusform>
            <numerusform>Model językowy napisze opisy %n zaznaczonych utworów na podstawie wyników analizy. Zdania zastąpią opisy jako jedna zmiana, którą można cofnąć. Klucz API, jeśli serwer go wymaga, pochodzi z OPENAI_API_KEY lub z Preferencji.</numerusform>
            <numerusform>Model językowy napisze opisy %n zaznaczonych utworów na podstawie wyników analizy. Zdania zastąpią opisy jako jedna zmiana, którą można cofnąć. Klucz API, jeśli serwer go wymaga, pochodzi z OPENAI_API_KEY lub z Preferencji.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::LibraryStatsView</name>
    <message>
        <source>Click a warning to see its tracks in the table.</source>
        <translation>Kliknij ostrzeżenie, aby zobaczyć jego utwory w tabeli.</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonacja</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Tryb</translation>
    </message>
    <message>
        <source>Time signature</source>
        <translation>Metrum</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Gatunek</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Wykonawca</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Rok</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>Wokal</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Długość</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Głośność</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energia</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sekcje</translation>
    </message>
    <message>
        <source>Section length</source>
        <translation>Długość sekcji</translation>
    </message>
    <message>
        <source>Fields missing (null or absent)</source>
        <translation>Brakujące pola (null lub nieobecne)</translation>
    </message>
    <message>
        <source>Click a bar to filter the table to its tracks.</source>
        <translation>Kliknij słupek, aby pokazać w tabeli tylko jego utwory.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Liczenie…</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s), %1 hours of audio; %2 in training.</source>
        <translation>
            <numerusform>%n utwór, %1 godz. nagrań; %2 do trenowania.</numerusform>
            <numerusform>%n utwory, %1 godz. nagrań; %2 do trenowania.</numerusform>
            <numerusform>%n utworów, %1 godz. nagrań; %2 do trenowania.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hours each phase would see: VAE and vocoder %1, planner %2 (tracks with sections), diffusion %3.</source>
        <translation>Godziny nagrań w każdej fazie: VAE i wokoder %1, planista %2 (utwory z sekcjami), dyfuzja %3.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n song(s) in %1: the model will hardly learn it.</source>
        <translation>
            <numerusform>Tylko %n utwór w %1: model ledwie się jej nauczy.</numerusform>
            <numerusform>Tylko %n utwory w %1: model ledwie się jej nauczy.</numerusform>
            <numerusform>Tylko %n utworów w %1: model ledwie się jej nauczy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n song(s) between %1 BPM.</source>
        <translation>
            <numerusform>Tylko %n utwór w tempie %1 BPM.</numerusform>
            <numerusform>Tylko %n utwory w tempie %1 BPM.</numerusform>
            <numerusform>Tylko %n utworów w tempie %1 BPM.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No beats were found in %n song(s): their tempo, chords and sections are doubtful.</source>
        <translation>
            <numerusform>Nie znaleziono uderzeń w %n utworze: jego tempo, akordy i sekcje są wątpliwe.</numerusform>
            <numerusform>Nie znaleziono uderzeń w %n utworach: ich tempo, akordy i sekcje są wątpliwe.</numerusform>
            <numerusform>Nie znaleziono uderzeń w %n utworach: ich tempo, akordy i sekcje są wątpliwe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A minute or more without sections in %n song(s): the planner learns no form from them.</source>
        <translation>
            <numerusform>Minuta lub więcej bez sekcji w %n utworze: planista nie nauczy się z niego formy.</numerusform>
            <numerusform>Minuta lub więcej bez sekcji w %n utworach: planista nie nauczy się z nich formy.</numerusform>
            <numerusform>Minuta lub więcej bez sekcji w %n utworach: planista nie nauczy się z nich formy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The same audio %n time(s): it would weigh more than other songs in training.</source>
        <translation>
            <numerusform>To samo nagranie %n raz: w trenowaniu ważyłoby więcej niż inne utwory.</numerusform>
            <numerusform>To samo nagranie %n razy: w trenowaniu ważyłoby więcej niż inne utwory.</numerusform>
            <numerusform>To samo nagranie %n razy: w trenowaniu ważyłoby więcej niż inne utwory.</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings: nothing looks thin, doubtful or doubled.</source>
        <translation>Brak ostrzeżeń: nic nie wygląda na zbyt rzadkie, wątpliwe ani zdublowane.</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>with vocals</source>
        <translation>z wokalem</translation>
    </message>
    <message>
        <source>instrumental</source>
        <translation>instrumentalne</translation>
    </message>
    <message numerus="yes">
        <source>The analysis doubts the sections of %n song(s): check their names and boundaries.</source>
        <translation>
            <numerusform>Analiza nie jest pewna sekcji %n utworu: sprawdź ich nazwy i granice.</numerusform>
            <numerusform>Analiza nie jest pewna sekcji %n utworów: sprawdź ich nazwy i granice.</numerusform>
            <numerusform>Analiza nie jest pewna sekcji %n utworów: sprawdź ich nazwy i granice.</numerusform>
        </translation>
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
        <source>Open a song with File ▸ Open Song (Ctrl+O), or drop it here.</source>
        <translation>Otwórz utwór przez Plik ▸ Otwórz utwór (Ctrl+O) albo upuść go tutaj.</translation>
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
    <name>muze::LossPlot</name>
    <message>
        <source>step</source>
        <translation>krok</translation>
    </message>
    <message>
        <source>time (h:mm:ss)</source>
        <translation>czas (h:mm:ss)</translation>
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
    <message>
        <source>Library</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>&amp;Open Song…</source>
        <translation>&amp;Otwórz utwór…</translation>
    </message>
    <message>
        <source>&amp;New Dataset from Folder…</source>
        <translation>&amp;Nowy zbiór z folderu…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Open &amp;Dataset…</source>
        <translation>Otwórz &amp;zbiór…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Update Dataset</source>
        <translation>&amp;Aktualizuj zbiór</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Save Dataset</source>
        <translation>Zapi&amp;sz zbiór</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <source>&amp;Find in Library</source>
        <translation>&amp;Szukaj w bibliotece</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trening</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Trening</translation>
    </message>
    <message>
        <source>Stop Training?</source>
        <translation>Zatrzymać trening?</translation>
    </message>
    <message>
        <source>A model is training. Stop it and quit? Its last checkpoint is written first, and the run can be resumed later from the Train page.</source>
        <translation>Model się trenuje. Zatrzymać go i zakończyć? Najpierw zostanie zapisany ostatni punkt kontrolny, a trening można później wznowić na stronie Trening.</translation>
    </message>
    <message>
        <source>Stopping the training: writing a checkpoint…</source>
        <translation>Zatrzymywanie treningu: zapis punktu kontrolnego…</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Komponowanie</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Komponowanie</translation>
    </message>
    <message>
        <source>Library &amp;Statistics</source>
        <translation>&amp;Statystyki biblioteki</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Rewrite &amp;Prompts of Selected Tracks…</source>
        <translation>Przepisz &amp;opisy zaznaczonych utworów…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Your First Model</source>
        <translation>Twój pierwszy model</translation>
    </message>
    <message>
        <source>Your &amp;First Model…</source>
        <translation>Twój &amp;pierwszy model…</translation>
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
    <name>muze::PathField</name>
    <message>
        <source>Browse…</source>
        <translation>Przeglądaj…</translation>
    </message>
</context>
<context>
    <name>muze::PlanEditor</name>
    <message>
        <source>Add a section</source>
        <translation>Dodaj sekcję</translation>
    </message>
    <message>
        <source>A song keeps at least one section.</source>
        <translation>Utwór musi mieć co najmniej jedną sekcję.</translation>
    </message>
    <message>
        <source>Remove the %1</source>
        <translation>Usuń sekcję %1</translation>
    </message>
    <message>
        <source>Choose a section first.</source>
        <translation>Najpierw wybierz sekcję.</translation>
    </message>
    <message>
        <source>Duplicate the %1</source>
        <translation>Powiel sekcję %1</translation>
    </message>
    <message>
        <source>There is no such place to move the section to.</source>
        <translation>Nie ma takiego miejsca, do którego można przenieść sekcję.</translation>
    </message>
    <message>
        <source>Move the %1</source>
        <translation>Przenieś sekcję %1</translation>
    </message>
    <message>
        <source>A section lasts one bar or more.</source>
        <translation>Sekcja trwa co najmniej jeden takt.</translation>
    </message>
    <message numerus="yes">
        <source>Make the %1 %n bar(s) long</source>
        <translation>
            <numerusform>Zmień długość sekcji %1 na %n takt</numerusform>
            <numerusform>Zmień długość sekcji %1 na %n takty</numerusform>
            <numerusform>Zmień długość sekcji %1 na %n taktów</numerusform>
        </translation>
    </message>
    <message>
        <source>A tempo between %1 and %2 BPM, please.</source>
        <translation>Tempo musi mieścić się między %1 a %2 BPM.</translation>
    </message>
    <message>
        <source>The time signature &quot;%1&quot; is not one the models know.</source>
        <translation>Modele nie znają metrum „%1”.</translation>
    </message>
    <message>
        <source>Edit the %1</source>
        <translation>Zmień sekcję %1</translation>
    </message>
    <message>
        <source>Edit the prompt</source>
        <translation>Zmień opis</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Otwórz %1</translation>
    </message>
</context>
<context>
    <name>muze::PlaybackController</name>
    <message>
        <source>The audio output failed: %1</source>
        <translation>Wyjście audio zawiodło: %1</translation>
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
    <message>
        <source>built-in</source>
        <translation>wbudowany</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>TorchScript files (torch.jit.save) for dataset builds. A speaker encoder replaces the built-in voice embeddings; a CLAP fills the CLAP fields. README, &quot;Your own encoders&quot;, says what they must provide.</source>
        <translation>Pliki TorchScript (torch.jit.save) do budowania zbiorów. Koder mówcy zastępuje wbudowane osadzenia głosu; CLAP wypełnia pola CLAP. Co muszą zapewniać, opisuje README, „Your own encoders”.</translation>
    </message>
    <message>
        <source>Voice encoder (256):</source>
        <translation>Koder głosu (256):</translation>
    </message>
    <message>
        <source>ECAPA encoder (192):</source>
        <translation>Koder ECAPA (192):</translation>
    </message>
    <message>
        <source>CLAP (512):</source>
        <translation>CLAP (512):</translation>
    </message>
    <message>
        <source>TorchScript Encoder</source>
        <translation>Koder TorchScript</translation>
    </message>
    <message>
        <source>TorchScript (*.pt *.pth *.ts);;All files (*)</source>
        <translation>TorchScript (*.pt *.pth *.ts);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>There is no file &quot;%1&quot;. Choose the encoder again, or clear the field to use the built-in one.</source>
        <translation>Nie ma pliku „%1”. Wybierz koder ponownie albo wyczyść pole, by użyć wbudowanego.</translation>
    </message>
    <message>
        <source>API keys:</source>
        <translation>Klucze API:</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>nie da się odczytać</translation>
    </message>
    <message>
        <source>%1 is set and is used</source>
        <translation>ustawiono %1 i to on jest używany</translation>
    </message>
    <message>
        <source>Kept in %1, which only you can read; never in settings, datasets or songs.</source>
        <translation>Przechowywane w %1, który możesz odczytać tylko ty; nigdy w ustawieniach, zbiorach danych ani utworach.</translation>
    </message>
    <message>
        <source>The API keys could not be saved: %1</source>
        <translation>Nie udało się zapisać kluczy API: %1</translation>
    </message>
</context>
<context>
    <name>muze::SectionForm</name>
    <message>
        <source>Sung</source>
        <translation>Śpiewana</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>A minor, Eb major</source>
        <translation>A minor, Eb major</translation>
    </message>
    <message>
        <source>one a bar: C G Am F</source>
        <translation>po jednym na takt: C G Am F</translation>
    </message>
    <message>
        <source>The words sung in this section, a line a line (the song&apos;s lyrics are shared out otherwise)</source>
        <translation>Słowa śpiewane w tej sekcji, wers w wierszu (inaczej tekst utworu jest rozdzielany między sekcje)</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Rodzaj:</translation>
    </message>
    <message>
        <source>Energy:</source>
        <translation>Energia:</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Tonacja:</translation>
    </message>
    <message>
        <source>Time signature:</source>
        <translation>Metrum:</translation>
    </message>
    <message>
        <source>Chords:</source>
        <translation>Akordy:</translation>
    </message>
    <message>
        <source>Vocals:</source>
        <translation>Wokal:</translation>
    </message>
    <message>
        <source>Lyrics:</source>
        <translation>Tekst:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a chord the studio reads: a root (C, F#, Bb) with m, 7, maj7, sus4, dim or aug.</source>
        <translation>„%1” to nie akord, który studio rozumie: podstawa (C, F#, Bb) z m, 7, maj7, sus4, dim lub aug.</translation>
    </message>
</context>
<context>
    <name>muze::SectionTimeline</name>
    <message numerus="yes">
        <source>%1 · %n bar(s)</source>
        <translation>
            <numerusform>%1 · %n takt</numerusform>
            <numerusform>%1 · %n takty</numerusform>
            <numerusform>%1 · %n taktów</numerusform>
        </translation>
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
    <name>muze::StudioCommandLine</name>
    <message>
        <source>Start playing the file once it is open.</source>
        <translation>Zacznij odtwarzać plik, gdy tylko się otworzy.</translation>
    </message>
    <message>
        <source>Open this dataset in the Library.</source>
        <translation>Otwórz ten zbiór danych w Bibliotece.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>plik</translation>
    </message>
    <message>
        <source>Use this language (en, pl) instead of the saved one.</source>
        <translation>Użyj tego języka (en, pl) zamiast zapisanego.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>kod</translation>
    </message>
    <message>
        <source>Open on this page: %1.</source>
        <translation>Otwórz na tej stronie: %1.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nazwa</translation>
    </message>
    <message>
        <source>Train into (and list the runs of) this folder.</source>
        <translation>Trenuj do tego folderu (i pokaż jego przebiegi).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>Open the Your First Model guide on this folder of songs (it measures what each step would take).</source>
        <translation>Otwórz przewodnik „Twój pierwszy model” na tym folderze utworów (zmierzy, ile potrwa każdy krok).</translation>
    </message>
    <message>
        <source>Muze Studio: text-to-music that runs on your own machine.</source>
        <translation>Muze Studio: muzyka z tekstu, na twoim własnym komputerze.</translation>
    </message>
    <message>
        <source>An audio file to open in the Listen page.</source>
        <translation>Plik dźwiękowy do otwarcia na stronie Odsłuch.</translation>
    </message>
    <message>
        <source>--first-model needs a folder of songs; %1 is not one.</source>
        <translation>--first-model wymaga folderu z utworami; %1 nim nie jest.</translation>
    </message>
    <message>
        <source>--page is one of %1; %2 is none of them.</source>
        <translation>--page to jedna z: %1; %2 do nich nie należy.</translation>
    </message>
</context>
<context>
    <name>muze::TakesPanel</name>
    <message>
        <source>Takes</source>
        <translation>Podejścia</translation>
    </message>
    <message>
        <source>Compare With This Take</source>
        <translation>Porównaj z tym podejściem</translation>
    </message>
    <message>
        <source>Switch A/B</source>
        <translation>Przełącz A/B</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportuj…</translation>
    </message>
    <message>
        <source>Keep this take to compare the next one you select with, switching between them with B</source>
        <translation>Zachowaj to podejście do porównania z następnym wybranym; przełączaj między nimi klawiszem B</translation>
    </message>
    <message>
        <source>Hear the other take of the two compared, at the same moment (B)</source>
        <translation>Posłuchaj drugiego z porównywanych podejść w tym samym miejscu (B)</translation>
    </message>
    <message>
        <source>Write the take as WAV or FLAC at 44.1 kHz stereo, with its vocals, instrumental and lyrics when it has them (Ctrl+E)</source>
        <translation>Zapisz podejście jako WAV lub FLAC 44,1 kHz stereo, z wokalem, podkładem i tekstem, jeśli je ma (Ctrl+E)</translation>
    </message>
    <message>
        <source>The take cannot be read: %1</source>
        <translation>Nie można odczytać podejścia: %1</translation>
    </message>
    <message>
        <source>Hearing %1 (%2); B switches to %3</source>
        <translation>Słychać %1 (%2); B przełącza na %3</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>%1 is B: select another take, then press B to switch between them</source>
        <translation>%1 to B: wybierz inne podejście, a potem naciśnij B, by przełączać między nimi</translation>
    </message>
    <message>
        <source>Export the Take</source>
        <translation>Eksportuj podejście</translation>
    </message>
    <message>
        <source>WAV (*.wav);;FLAC (*.flac)</source>
        <translation>WAV (*.wav);;FLAC (*.flac)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) as %1.</source>
        <translation>
            <numerusform>Wyeksportowano %n plik jako %1.</numerusform>
            <numerusform>Wyeksportowano %n pliki jako %1.</numerusform>
            <numerusform>Wyeksportowano %n plików jako %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The take was not exported: %1</source>
        <translation>Podejście nie zostało wyeksportowane: %1</translation>
    </message>
</context>
<context>
    <name>muze::TrackDetailPanel</name>
    <message>
        <source>Train on this song</source>
        <translation>Trenuj na tym utworze</translation>
    </message>
    <message>
        <source>The description the model learns this song by.</source>
        <translation>Opis, po którym model uczy się tego utworu.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sekcja</translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation>Początek (s)</translation>
    </message>
    <message>
        <source>End (s)</source>
        <translation>Koniec (s)</translation>
    </message>
    <message>
        <source>Add Section</source>
        <translation>Dodaj sekcję</translation>
    </message>
    <message>
        <source>Remove Section</source>
        <translation>Usuń sekcję</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Opis:</translation>
    </message>
    <message>
        <source>Lyrics:</source>
        <translation>Tekst:</translation>
    </message>
    <message>
        <source>Genre:</source>
        <translation>Gatunek:</translation>
    </message>
    <message>
        <source>Include in training</source>
        <translation>Uwzględnij w treningu</translation>
    </message>
    <message>
        <source>Leave out of training</source>
        <translation>Pomiń w treningu</translation>
    </message>
    <message>
        <source>Edit sections</source>
        <translation>Zmień sekcje</translation>
    </message>
    <message>
        <source>No song selected</source>
        <translation>Nie wybrano utworu</translation>
    </message>
    <message>
        <source>The song&apos;s file cannot be found; its record can still be edited.</source>
        <translation>Nie znaleziono pliku utworu; jego rekord można nadal edytować.</translation>
    </message>
    <message>
        <source>Edit prompt</source>
        <translation>Zmień opis</translation>
    </message>
    <message>
        <source>Edit lyrics</source>
        <translation>Zmień tekst</translation>
    </message>
    <message>
        <source>Edit genre</source>
        <translation>Zmień gatunek</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Dodaj sekcję</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>Usuń sekcję</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Pewność</translation>
    </message>
    <message>
        <source>Named by hand or by another tool: the analysis did not rate it.</source>
        <translation>Nazwana ręcznie lub innym narzędziem: analiza jej nie oceniała.</translation>
    </message>
    <message>
        <source>Doubtful: the analysis is unsure of this section&apos;s name or boundaries. Listen and correct it.</source>
        <translation>Wątpliwa: analiza nie jest pewna nazwy lub granic tej sekcji. Posłuchaj i popraw.</translation>
    </message>
    <message>
        <source>How likely the analysis named this section and placed its boundaries right.</source>
        <translation>Na ile prawdopodobne jest, że analiza dobrze nazwała tę sekcję i wyznaczyła jej granice.</translation>
    </message>
</context>
<context>
    <name>muze::TrainPage</name>
    <message>
        <source>&amp;Start Training</source>
        <translation>&amp;Rozpocznij trening</translation>
    </message>
    <message>
        <source>&amp;Pause Training</source>
        <translation>&amp;Wstrzymaj trening</translation>
    </message>
    <message>
        <source>S&amp;top Training</source>
        <translation>Za&amp;trzymaj trening</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Przebieg</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Wstrzymaj</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <source>Not training.</source>
        <translation>Brak treningu.</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Krzywe</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Strata</translation>
    </message>
    <message>
        <source>Loss terms</source>
        <translation>Składniki straty</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Współczynnik uczenia</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Norma gradientu</translation>
    </message>
    <message>
        <source>against step</source>
        <translation>względem kroku</translation>
    </message>
    <message>
        <source>against time</source>
        <translation>względem czasu</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Skala logarytmiczna</translation>
    </message>
    <message>
        <source>Smoothing: an exponential moving average of the values, the raw ones drawn faint beneath</source>
        <translation>Wygładzanie: wykładnicza średnia krocząca wartości; surowe wartości rysowane blado pod spodem</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Wygładzanie:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Szybkość:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Upłynęło:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Pozostało:</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Zużycie:</translation>
    </message>
    <message>
        <source>Last checkpoint:</source>
        <translation>Ostatni punkt kontrolny:</translation>
    </message>
    <message>
        <source>Previews</source>
        <translation>Podglądy</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Odtwórz</translation>
    </message>
    <message>
        <source>Runs in the model folder</source>
        <translation>Przebiegi w folderze modelu</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Część</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Faza</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Kroki</translation>
    </message>
    <message>
        <source>Best validation</source>
        <translation>Najlepsza walidacja</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Punkty kontrolne</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Zapisano</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Resume This Run</source>
        <translation>Wznów ten przebieg</translation>
    </message>
    <message>
        <source>This run cannot be resumed: %1</source>
        <translation>Nie można wznowić tego przebiegu: %1</translation>
    </message>
    <message>
        <source>Choose the dataset to train on and the folder the model goes to.</source>
        <translation>Wybierz zbiór danych do treningu i folder, do którego trafi model.</translation>
    </message>
    <message>
        <source>Trained %1 to step %2; validation loss %3.</source>
        <translation>Wytrenowano %1 do kroku %2; strata walidacyjna %3.</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>Trening przerwany: %1</translation>
    </message>
    <message>
        <source>Training stopped; its last checkpoint is written.</source>
        <translation>Trening zatrzymany; jego ostatni punkt kontrolny jest zapisany.</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wznawianie…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Uruchamianie…</translation>
    </message>
    <message>
        <source>Training.</source>
        <translation>Trening trwa.</translation>
    </message>
    <message>
        <source>Pausing at the end of this step…</source>
        <translation>Wstrzymywanie po zakończeniu bieżącego kroku…</translation>
    </message>
    <message>
        <source>Stopping: writing a checkpoint…</source>
        <translation>Zatrzymywanie: zapis punktu kontrolnego…</translation>
    </message>
    <message>
        <source>Stopped by an error (above).</source>
        <translation>Przerwany przez błąd (powyżej).</translation>
    </message>
    <message>
        <source>Start training the phase</source>
        <translation>Rozpocznij trening fazy</translation>
    </message>
    <message>
        <source>The phase needs more of the dataset (see above)</source>
        <translation>Faza potrzebuje więcej ze zbioru danych (patrz wyżej)</translation>
    </message>
    <message>
        <source>&amp;Resume Training</source>
        <translation>W&amp;znów trening</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Wznów</translation>
    </message>
    <message>
        <source>Choose a dataset: the one open in the Library, or a dataset JSON built by the studio or `muze build-dataset`.</source>
        <translation>Wybierz zbiór danych: otwarty w Bibliotece albo plik JSON zbudowany przez studio lub `muze build-dataset`.</translation>
    </message>
    <message>
        <source>step %1 · %2</source>
        <translation>krok %1 · %2</translation>
    </message>
    <message>
        <source>Paused at step %1. Resume to go on.</source>
        <translation>Wstrzymano na kroku %1. Wznów, aby kontynuować.</translation>
    </message>
    <message>
        <source>Training: %1% of the run.</source>
        <translation>Trening: %1% przebiegu.</translation>
    </message>
    <message>
        <source>%1 steps/s · %2 examples/s</source>
        <translation>%1 kroków/s · %2 przykładów/s</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>jeszcze brak</translation>
    </message>
    <message>
        <source>%1, written %2</source>
        <translation>%1, zapisany %2</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>szacowanie…</translation>
    </message>
    <message>
        <source>CPU %1% of %2% · memory %3</source>
        <translation>CPU %1% z %2% · pamięć %3</translation>
    </message>
    <message>
        <source>The preview cannot be read: %1</source>
        <translation>Nie można odczytać podglądu: %1</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>strata treningowa</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>strata walidacyjna</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>współczynnik uczenia</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>norma gradientu</translation>
    </message>
</context>
<context>
    <name>muze::TrainSetup</name>
    <message>
        <source>%1M</source>
        <translation>%1 mln</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1 tys.</translation>
    </message>
    <message>
        <source>%1: %2 parameters, ≈ %3 a step at batch 1</source>
        <translation>%1: %2 parametrów, ≈ %3 na krok przy partii 1</translation>
    </message>
    <message>
        <source>%1: not in this preset (tiny and small have every part)</source>
        <translation>%1: brak w tym presecie (tiny i small mają każdą część)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Zbiór danych</translation>
    </message>
    <message>
        <source>Dataset (*.json);;All files (*)</source>
        <translation>Zbiór danych (*.json);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Model Folder</source>
        <translation>Folder modelu</translation>
    </message>
    <message>
        <source>the dataset open in the Library</source>
        <translation>zbiór otwarty w Bibliotece</translation>
    </message>
    <message>
        <source>where the model&apos;s parts are written</source>
        <translation>gdzie zapisywane są części modelu</translation>
    </message>
    <message>
        <source>1 · Vocoder, then VAE</source>
        <translation>1 · Wokoder, potem VAE</translation>
    </message>
    <message>
        <source>1 · VAE</source>
        <translation>1 · VAE</translation>
    </message>
    <message>
        <source>1 · Vocoder</source>
        <translation>1 · Wokoder</translation>
    </message>
    <message>
        <source>2 · Composition planner</source>
        <translation>2 · Planer kompozycji</translation>
    </message>
    <message>
        <source>3 · Latent diffusion</source>
        <translation>3 · Dyfuzja latentna</translation>
    </message>
    <message>
        <source>the preset&apos;s</source>
        <translation>z presetu</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>Stop, with a checkpoint, after this long; the learning rate&apos;s schedule is fitted to the steps it allows.</source>
        <translation>Zatrzymaj, z punktem kontrolnym, po tym czasie; harmonogram współczynnika uczenia jest dopasowany do liczby kroków, na jaką pozwala.</translation>
    </message>
    <message>
        <source>Phase 3: the share of examples trained without any conditioning, for classifier-free guidance.</source>
        <translation>Faza 3: odsetek przykładów trenowanych bez żadnego warunkowania, na potrzeby classifier-free guidance.</translation>
    </message>
    <message>
        <source>Phase 3: the share of examples trained without their voice.</source>
        <translation>Faza 3: odsetek przykładów trenowanych bez ich głosu.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Zbiór danych:</translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>Folder modelu:</translation>
    </message>
    <message>
        <source>Phase:</source>
        <translation>Faza:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Preset:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epoki:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Rozmiar partii:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Współczynnik uczenia:</translation>
    </message>
    <message>
        <source>CFG dropout:</source>
        <translation>Dropout CFG:</translation>
    </message>
    <message>
        <source>Voice dropout:</source>
        <translation>Dropout głosu:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Ziarno:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Limit czasu:</translation>
    </message>
    <message>
        <source>Counting the presets&apos; parameters…</source>
        <translation>Liczenie parametrów presetów…</translation>
    </message>
    <message>
        <source>The planner is small at every preset.</source>
        <translation>Planer jest mały w każdym presecie.</translation>
    </message>
    <message numerus="yes">
        <source>The dataset has %n song(s) to train on; a run needs two or more: one to learn from, one to check against.</source>
        <translation>
            <numerusform>Zbiór ma %n utwór do treningu; przebieg potrzebuje co najmniej dwóch: jednego do nauki, drugiego do sprawdzania.</numerusform>
            <numerusform>Zbiór ma %n utwory do treningu; przebieg potrzebuje co najmniej dwóch: jednego do nauki, drugiego do sprawdzania.</numerusform>
            <numerusform>Zbiór ma %n utworów do treningu; przebieg potrzebuje co najmniej dwóch: jednego do nauki, drugiego do sprawdzania.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 songs have no features in the dataset&apos;s cache. Updating the dataset computes them.</source>
        <translation>%1 z %2 utworów nie ma cech w pamięci podręcznej zbioru. Aktualizacja zbioru je obliczy.</translation>
    </message>
    <message>
        <source>No song has sections, and the planner learns forms from them. Updating the dataset analyses them.</source>
        <translation>Żaden utwór nie ma sekcji, a planer uczy się z nich form. Aktualizacja zbioru je przeanalizuje.</translation>
    </message>
    <message>
        <source>Phase 3 learns in the latent space of a trained VAE, and there is none at %1.</source>
        <translation>Faza 3 uczy się w przestrzeni latentnej wytrenowanego VAE, a pod %1 go nie ma.</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n song(s)</source>
        <translation>
            <numerusform>Gotowe: %n utwór</numerusform>
            <numerusform>Gotowe: %n utwory</numerusform>
            <numerusform>Gotowe: %n utworów</numerusform>
        </translation>
    </message>
    <message>
        <source>, every one with its features cached</source>
        <translation>, każdy z cechami w pamięci podręcznej</translation>
    </message>
    <message numerus="yes">
        <source> (%n without sections, which teach no form)</source>
        <translation>
            <numerusform> (%n bez sekcji, który nie uczy formy)</numerusform>
            <numerusform> (%n bez sekcji, które nie uczą formy)</numerusform>
            <numerusform> (%n bez sekcji, które nie uczą formy)</numerusform>
        </translation>
    </message>
    <message>
        <source>; the VAE of %1</source>
        <translation>; VAE z %1</translation>
    </message>
    <message>
        <source>Update the Dataset</source>
        <translation>Aktualizuj zbiór</translation>
    </message>
    <message>
        <source>Train Phase 1 First</source>
        <translation>Najpierw trenuj fazę 1</translation>
    </message>
    <message>
        <source>Each song in its own key</source>
        <translation>Każdy utwór we własnej tonacji</translation>
    </message>
    <message>
        <source>Every song moved to C</source>
        <translation>Każdy utwór przeniesiony do C</translation>
    </message>
    <message>
        <source>Each song moved around its key</source>
        <translation>Każdy utwór przesuwany wokół swojej tonacji</translation>
    </message>
    <message>
        <source> semitones</source>
        <translation> półtonów</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>Tonacje:</translation>
    </message>
    <message>
        <source>Phase 3: the key each song is heard in. Moved to C, a few songs teach one key well, and generation moves each section to the key it asks for (the recipe&apos;s choice; the vocoder then learns the songs in C too). Moved around its key, each song is heard up to so many semitones away, drawn anew every 250 steps, so that a small collection holds every key.</source>
        <translation>Faza 3: tonacja, w której model słyszy każdy utwór. Przeniesione do C, nieliczne utwory dobrze uczą jednej tonacji, a generowanie przenosi każdą sekcję do tonacji, o którą prosi (wybór przepisu; wokoder uczy się wtedy utworów także w C). Przesuwany wokół swojej tonacji, każdy utwór jest słyszany do tylu półtonów dalej, losowanych na nowo co 250 kroków, aby mały zbiór obejmował każdą tonację.</translation>
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
    <name>muze::VocalSettings</name>
    <message>
        <source>Sing the Lyrics</source>
        <translation>Zaśpiewaj tekst</translation>
    </message>
    <message>
        <source>A Recording of the Voice</source>
        <translation>Nagranie głosu</translation>
    </message>
    <message>
        <source>Audio (*.wav *.flac *.mp3 *.ogg *.m4a)</source>
        <translation>Dźwięk (*.wav *.flac *.mp3 *.ogg *.m4a)</translation>
    </message>
    <message>
        <source>The voice is mine, or its owner agreed</source>
        <translation>To mój głos albo jego właściciel się zgodził</translation>
    </message>
    <message>
        <source>Voice cloning may violate a singer&apos;s rights over their voice: use only your own voice, or one whose owner agreed.</source>
        <translation>Klonowanie głosu może naruszać prawa śpiewaka do jego głosu: używaj tylko własnego głosu albo takiego, którego właściciel się zgodził.</translation>
    </message>
    <message>
        <source>Take the models&apos; own voice out where the lyrics are sung</source>
        <translation>Usuń własny głos modeli tam, gdzie śpiewany jest tekst</translation>
    </message>
    <message>
        <source>Sing the lyrics of the sections with vocals into the take: the vocals, the instrumental and an LRC of the lines are kept beside it</source>
        <translation>Zaśpiewaj w podejściu tekst sekcji z wokalem: wokal, podkład i plik LRC z wersami zostają obok</translation>
    </message>
    <message>
        <source>Built-in singer (offline)</source>
        <translation>Wbudowany śpiewak (offline)</translation>
    </message>
    <message>
        <source>GPT-SoVITS server</source>
        <translation>Serwer GPT-SoVITS</translation>
    </message>
    <message>
        <source>Fish Speech server</source>
        <translation>Serwer Fish Speech</translation>
    </message>
    <message>
        <source>optional: a recording of the voice to sing in</source>
        <translation>opcjonalnie: nagranie głosu, którym ma śpiewać</translation>
    </message>
    <message>
        <source>The lyrics&apos; language, as espeak-ng names its voices: en, de, pl, es, ...</source>
        <translation>Język tekstu, tak jak espeak-ng nazywa swoje głosy: en, de, pl, es, ...</translation>
    </message>
    <message>
        <source>The vocals&apos; level against the instrumental: 1 is as loud as it</source>
        <translation>Poziom wokalu względem podkładu: 1 to tak głośno jak podkład</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Język:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Poziom:</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>Głos:</translation>
    </message>
    <message>
        <source>Clone:</source>
        <translation>Klon:</translation>
    </message>
    <message>
        <source>Mix:</source>
        <translation>Miks:</translation>
    </message>
    <message>
        <source>There are no words to sing: tick Vocals on a section and write its lyrics, one line a line.</source>
        <translation>Nie ma słów do zaśpiewania: zaznacz Wokal w sekcji i wpisz jej tekst, wers w wierszu.</translation>
    </message>
    <message>
        <source>%1 If it is, tick the box below the recording.</source>
        <translation>%1 Jeśli tak jest, zaznacz pole pod nagraniem.</translation>
    </message>
    <message>
        <source>Coqui XTTS server</source>
        <translation>Serwer Coqui XTTS</translation>
    </message>
    <message>
        <source>ElevenLabs</source>
        <translation>ElevenLabs</translation>
    </message>
    <message>
        <source>The server&apos;s address; Fish Audio&apos;s cloud and ElevenLabs take their API keys from Preferences or the environment</source>
        <translation>Adres serwera; chmura Fish Audio i ElevenLabs biorą klucze API z Preferencji lub ze zmiennych środowiska</translation>
    </message>
    <message>
        <source>voice ID</source>
        <translation>ID głosu</translation>
    </message>
    <message>
        <source>The ElevenLabs voice that sings: its ID, from the Voices page of ElevenLabs</source>
        <translation>Głos ElevenLabs, który śpiewa: jego ID ze strony Voices w ElevenLabs</translation>
    </message>
    <message>
        <source>optional: an RVC voice model</source>
        <translation>opcjonalnie: model głosu RVC</translation>
    </message>
    <message>
        <source>Turn the vocals, whoever sings them, into this voice model of an RVC server</source>
        <translation>Zamień wokal, kto by go nie śpiewał, na ten model głosu serwera RVC</translation>
    </message>
    <message>
        <source>The RVC server&apos;s address (rvc-python&apos;s API)</source>
        <translation>Adres serwera RVC (API rvc-python)</translation>
    </message>
    <message>
        <source>Convert:</source>
        <translation>Zamiana:</translation>
    </message>
    <message>
        <source>ElevenLabs needs an API key: save it in Preferences, or set ELEVENLABS_API_KEY.</source>
        <translation>ElevenLabs potrzebuje klucza API: zapisz go w Preferencjach albo ustaw ELEVENLABS_API_KEY.</translation>
    </message>
    <message>
        <source>Name the ElevenLabs voice that sings: its voice ID, beside the address.</source>
        <translation>Podaj głos ElevenLabs, który śpiewa: jego ID, obok adresu.</translation>
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
    <message>
        <source>Chords</source>
        <translation>Akordy</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Głos</translation>
    </message>
</context>
</TS>
