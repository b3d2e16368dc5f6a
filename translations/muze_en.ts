<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>muze::BarChart</name>
    <message>
        <source>tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n track(s)</source>
        <translation>
            <numerusform>%1: %n track</numerusform>
            <numerusform>%1: %n tracks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::BuildDatasetDialog</name>
    <message>
        <source>Build a Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write each song&apos;s vocal estimate beside the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise sung words when a song has no lyrics tag or sidecar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow, and only words the recogniser is sure of are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lyrics&apos; language, for their phonemes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest song:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dataset that exists is updated: only new and changed songs are analysed, and your edits are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for songs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 analysed, %2 unchanged, %3 could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The build stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. What was analysed is kept: building again carries on from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the songs in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in voice embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voice from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CLAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLAP from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (change them in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embeddings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) kept without a look at their songs.</source>
        <translation>
            <numerusform>%n record kept without a look at its song.</numerusform>
            <numerusform>%n records kept without a look at their songs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder holds no songs (is it empty, or a drive that is not connected?), so nothing was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of songs no longer in the folder were dropped:</source>
        <translation>
            <numerusform>%n record of a song no longer in the folder was dropped:</numerusform>
            <numerusform>%n records of songs no longer in the folder were dropped:</numerusform>
        </translation>
    </message>
    <message>
        <source>Dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of songs no longer in the folder kept, as you chose.</source>
        <translation>
            <numerusform>%n record of a song no longer in the folder kept, as you chose.</numerusform>
            <numerusform>%n records of songs no longer in the folder kept, as you chose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs analysed at once. Automatic: one per processor core, fewer when free memory would not hold them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n at once: free memory would not hold more analyses of the longest song</source>
        <translation>
            <numerusform>%n at once: free memory would not hold more analyses of the longest song</numerusform>
            <numerusform>%n at once: free memory would not hold more analyses of the longest song</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at once</source>
        <translation>
            <numerusform>%n at once</numerusform>
            <numerusform>%n at once</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::ComposePage</name>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the song should sound like: warm folk with a fingerpicked guitar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> BPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the sections with the template&apos;s, over the duration (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model folder the Train page or `muze train` filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifier-free guidance: how strongly the prompt and the plan are followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPM-Solver++ (10-25 steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked, the same seed makes the same song; unlocked, each take gets a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a new take (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CFG:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate the Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit This Take&apos;s Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay out the %1 template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This take&apos;s section cannot be made anew: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, about %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The song was not made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This take&apos;s plan cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model folder to generate with: one the Train page or `muze train` filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening to the voice to sound like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Singing the lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Recording of the Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio (*.wav *.flac *.mp3 *.ogg *.m4a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound like:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the section selected above anew in this take, as the editor has it now and with a new seed; the rest stays as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this take&apos;s plan into the editor (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the planner&apos;s proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay out the planner&apos;s proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planner proposed no sections for this prompt and duration: choose a template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planner cannot propose a plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planner is proposing the sections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lyrics cannot be sung: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the take has no section %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a recording; as an artist&apos;s name it needs the dataset that knows the artist: open it in the Library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Plan As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a saved plan, or the plan of a song `muze generate` made (its OUTPUT.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plan as JSON, for `muze generate --plan` or to open again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans and songs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the plan as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a recording, or an artist of the Library&apos;s dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The song sounds like this voice: a recording&apos;s, or an artist&apos;s of the dataset open in the Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo model: trained on General MIDI songs the studio rendered, not on your music.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo model: every part at the tiny size, trained for about %1 minutes on %2 General MIDI songs that the studio composed and rendered itself. It shows how generation works; it does not know your music. A model of your own songs: build a dataset of them in the Library, then train on it in Train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Griffin-Lim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the model&apos;s spectrogram becomes sound: the trained vocoder sounds cleaner; Griffin-Lim sounds phasey but, with a small model such as the demo, keeps the notes and the key better. Without a trained vocoder, Griffin-Lim is used either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempo, key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beat guidance: how strongly the plan&apos;s beat grid, and so its tempo, is followed; 0 is none and a little faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beat:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::FirstRunGuide</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring what each step takes on this machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Your own model, in four steps.&lt;/b&gt; Each is one click; the times are measured on this machine when you choose your songs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose a song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Folder of Your Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the steps take could not be measured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of songs the model is to learn from: a few dozen or more, in any format the studio plays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 songs, %2 of audio, in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each song&apos;s tempo, beats, key, chords, sections, pitch and lyrics, analysed into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vocoder, the VAE, the planner and the diffusion model, each at the tiny size for a fixed number of steps: the recipe the demo model was made by. Into %1 beside the songs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A song from a template, made by the model you trained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 here (measured: excerpts of %2 songs, %3 s in all, analysed in %4 s, %5 at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 here (measured: training steps of each part, and moving the songs to C; one of the diffusion model&apos;s steps takes %2 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 s song in about %2 here (measured with the demo model, which has the same size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset is there: building again analyses only new and changed songs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::GenerateJob</name>
    <message>
        <source>The take is the instrumental alone: its vocals could not be made. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take was made with other models than the ones chosen now, and its neighbouring sections would change with them. Choose the model folder it was made with, or generate a new take.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::Job</name>
    <message>
        <source>Unexpected failure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected failure of an unknown kind.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::LibraryModel</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::LibraryPage</name>
    <message>
        <source>New from Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse the songs added or changed in the folder since the last build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include in training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out of training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset open: build one from a folder of songs, or open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, artist, genre, file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With or without vocals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With vocals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrumental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> BPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the dataset %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message>
        <source>This record cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset could not be saved; your edits are still here.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Folder of Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Dataset Elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Are the Songs of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show all the tracks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the tracks whose prompts a language model should rewrite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 for %n prompt(s)…</source>
        <translation>
            <numerusform>Asking %1 for %n prompt…</numerusform>
            <numerusform>Asking %1 for %n prompts…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rewrite %n prompt(s)</source>
        <translation>
            <numerusform>Rewrite %n prompt</numerusform>
            <numerusform>Rewrite %n prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>Rewrite prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 wrote %n prompt(s).</source>
        <translation>
            <numerusform>%1 wrote %n prompt.</numerusform>
            <numerusform>%1 wrote %n prompts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) kept their prompt: %1</source>
        <translation>
            <numerusform>%n track kept its prompt: %1</numerusform>
            <numerusform>%n tracks kept their prompts: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::LibraryQuestions</name>
    <message>
        <source>The Dataset Was Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edits could not be saved, so they are still only in the studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Elsewhere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the Edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Songs No Longer in the Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) of the dataset are no longer in the folder. Drop their records, with your edits of them?</source>
        <translation>
            <numerusform>%n song of the dataset is no longer in the folder. Drop its record, with your edits of it?</numerusform>
            <numerusform>%n songs of the dataset are no longer in the folder. Drop their records, with your edits of them?</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop Them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite Prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible (/v1/chat/completions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. llama3.2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A language model writes each of the %n selected track(s)&apos; prompt from its analysed facts. The sentences replace the prompts, as one edit you can undo. An API key, where the server needs one, comes from OPENAI_API_KEY or Preferences.</source>
        <translation>
            <numerusform>A language model writes the selected track&apos;s prompt from its analysed facts. The sentence replaces the prompt, as an edit you can undo. An API key, where the server needs one, comes from OPENAI_API_KEY or Preferences.</numerusform>
            <numerusform>A language model writes the prompts of the %n selected tracks from their analysed facts. The sentences replace the prompts, as one edit you can undo. An API key, where the server needs one, comes from OPENAI_API_KEY or Preferences.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>muze::LibraryStatsView</name>
    <message>
        <source>Click a warning to see its tracks in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields missing (null or absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar to filter the table to its tracks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n track(s), %1 hours of audio; %2 in training.</source>
        <translation>
            <numerusform>%n track, %1 hours of audio; %2 in training.</numerusform>
            <numerusform>%n tracks, %1 hours of audio; %2 in training.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hours each phase would see: VAE and vocoder %1, planner %2 (tracks with sections), diffusion %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Only %n song(s) in %1: the model will hardly learn it.</source>
        <translation>
            <numerusform>Only %n song in %1: the model will hardly learn it.</numerusform>
            <numerusform>Only %n songs in %1: the model will hardly learn it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n song(s) between %1 BPM.</source>
        <translation>
            <numerusform>Only %n song between %1 BPM.</numerusform>
            <numerusform>Only %n songs between %1 BPM.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No beats were found in %n song(s): their tempo, chords and sections are doubtful.</source>
        <translation>
            <numerusform>No beats were found in %n song: its tempo, chords and sections are doubtful.</numerusform>
            <numerusform>No beats were found in %n songs: their tempo, chords and sections are doubtful.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A minute or more without sections in %n song(s): the planner learns no form from them.</source>
        <translation>
            <numerusform>A minute or more without sections in %n song: the planner learns no form from it.</numerusform>
            <numerusform>A minute or more without sections in %n songs: the planner learns no form from them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The same audio %n time(s): it would weigh more than other songs in training.</source>
        <translation>
            <numerusform>The same audio %n time: it would weigh more than other songs in training.</numerusform>
            <numerusform>The same audio %n times: it would weigh more than other songs in training.</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings: nothing looks thin, doubtful or doubled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with vocals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instrumental</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The analysis doubts the sections of %n song(s): check their names and boundaries.</source>
        <translation>
            <numerusform>The analysis doubts the sections of %n song: check their names and boundaries.</numerusform>
            <numerusform>The analysis doubts the sections of %n songs: check their names and boundaries.</numerusform>
        </translation>
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
        <source>Open a song with File ▸ Open Song (Ctrl+O), or drop it here.</source>
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
    <name>muze::LossPlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time (h:mm:ss)</source>
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
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Song…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Dataset from Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Training?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model is training. Stop it and quit? Its last checkpoint is written first, and the run can be resumed later from the Train page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the training: writing a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library &amp;Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite &amp;Prompts of Selected Tracks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your First Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;First Model…</source>
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
    <name>muze::PathField</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::PlanEditor</name>
    <message>
        <source>Add a section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A song keeps at least one section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a section first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such place to move the section to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A section lasts one bar or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Make the %1 %n bar(s) long</source>
        <translation>
            <numerusform>Make the %1 %n bar long</numerusform>
            <numerusform>Make the %1 %n bars long</numerusform>
        </translation>
    </message>
    <message>
        <source>A tempo between %1 and %2 BPM, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time signature &quot;%1&quot; is not one the models know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::PlaybackController</name>
    <message>
        <source>The audio output failed: %1</source>
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
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript files (torch.jit.save) for dataset builds. A speaker encoder replaces the built-in voice embeddings; a CLAP fills the CLAP fields. README, &quot;Your own encoders&quot;, says what they must provide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice encoder (256):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECAPA encoder (192):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLAP (512):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript Encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript (*.pt *.pth *.ts);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file &quot;%1&quot;. Choose the encoder again, or clear the field to use the built-in one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set and is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in %1, which only you can read; never in settings, datasets or songs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API keys could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::SectionForm</name>
    <message>
        <source>Sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> BPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A minor, Eb major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one a bar: C G Am F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words sung in this section, a line a line (the song&apos;s lyrics are shared out otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a chord the studio reads: a root (C, F#, Bb) with m, 7, maj7, sus4, dim or aug.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::SectionTimeline</name>
    <message numerus="yes">
        <source>%1 · %n bar(s)</source>
        <translation>
            <numerusform>%1 · %n bar</numerusform>
            <numerusform>%1 · %n bars</numerusform>
        </translation>
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
    <name>muze::StudioCommandLine</name>
    <message>
        <source>Start playing the file once it is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this dataset in the Library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this language (en, pl) instead of the saved one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on this page: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train into (and list the runs of) this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Your First Model guide on this folder of songs (it measures what each step would take).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muze Studio: text-to-music that runs on your own machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An audio file to open in the Listen page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--first-model needs a folder of songs; %1 is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page is one of %1; %2 is none of them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::TakesPanel</name>
    <message>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare With This Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch A/B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this take to compare the next one you select with, switching between them with B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hear the other take of the two compared, at the same moment (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the take as WAV or FLAC at 44.1 kHz stereo, with its vocals, instrumental and lyrics when it has them (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearing %1 (%2); B switches to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is B: select another take, then press B to switch between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV (*.wav);;FLAC (*.flac)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) as %1.</source>
        <translation>
            <numerusform>Exported %n file as %1.</numerusform>
            <numerusform>Exported %n files as %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The take was not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::TrackDetailPanel</name>
    <message>
        <source>Train on this song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description the model learns this song by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include in training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out of training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No song selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The song&apos;s file cannot be found; its record can still be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named by hand or by another tool: the analysis did not rate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doubtful: the analysis is unsure of this section&apos;s name or boundaries. Listen and correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How likely the analysis named this section and placed its boundaries right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::TrainPage</name>
    <message>
        <source>&amp;Start Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing: an exponential moving average of the values, the raw ones drawn faint beneath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checkpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in the model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume This Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run cannot be resumed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset to train on and the folder the model goes to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained %1 to step %2; validation loss %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped; its last checkpoint is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing at the end of this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: writing a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by an error (above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start training the phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phase needs more of the dataset (see above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a dataset: the one open in the Library, or a dataset JSON built by the studio or `muze build-dataset`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at step %1. Resume to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: %1% of the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps/s · %2 examples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, written %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %1% of %2% · memory %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>muze::TrainSetup</name>
    <message>
        <source>%1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 parameters, ≈ %3 a step at batch 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not in this preset (tiny and small have every part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dataset open in the Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the model&apos;s parts are written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 · Vocoder, then VAE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 · VAE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 · Vocoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 · Composition planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 · Latent diffusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the preset&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop, with a checkpoint, after this long; the learning rate&apos;s schedule is fitted to the steps it allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 3: the share of examples trained without any conditioning, for classifier-free guidance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 3: the share of examples trained without their voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CFG dropout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice dropout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the presets&apos; parameters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planner is small at every preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The dataset has %n song(s) to train on; a run needs two or more: one to learn from, one to check against.</source>
        <translation>
            <numerusform>The dataset has %n song to train on; a run needs two or more: one to learn from, one to check against.</numerusform>
            <numerusform>The dataset has %n songs to train on; a run needs two or more: one to learn from, one to check against.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 songs have no features in the dataset&apos;s cache. Updating the dataset computes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No song has sections, and the planner learns forms from them. Updating the dataset analyses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 3 learns in the latent space of a trained VAE, and there is none at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n song(s)</source>
        <translation>
            <numerusform>Ready: %n song</numerusform>
            <numerusform>Ready: %n songs</numerusform>
        </translation>
    </message>
    <message>
        <source>, every one with its features cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n without sections, which teach no form)</source>
        <translation>
            <numerusform> (%n without sections, which teaches no form)</numerusform>
            <numerusform> (%n without sections, which teach no form)</numerusform>
        </translation>
    </message>
    <message>
        <source>; the VAE of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train Phase 1 First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each song in its own key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every song moved to C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each song moved around its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> semitones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 3: the key each song is heard in. Moved to C, a few songs teach one key well, and generation moves each section to the key it asks for (the recipe&apos;s choice; the vocoder then learns the songs in C too). Moved around its key, each song is heard up to so many semitones away, drawn anew every 250 steps, so that a small collection holds every key.</source>
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
    <name>muze::VocalSettings</name>
    <message>
        <source>Sing the Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Recording of the Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio (*.wav *.flac *.mp3 *.ogg *.m4a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice is mine, or its owner agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice cloning may violate a singer&apos;s rights over their voice: use only your own voice, or one whose owner agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the models&apos; own voice out where the lyrics are sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sing the lyrics of the sections with vocals into the take: the vocals, the instrumental and an LRC of the lines are kept beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in singer (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPT-SoVITS server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fish Speech server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a recording of the voice to sing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lyrics&apos; language, as espeak-ng names its voices: en, de, pl, es, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vocals&apos; level against the instrumental: 1 is as loud as it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no words to sing: tick Vocals on a section and write its lyrics, one line a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 If it is, tick the box below the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coqui XTTS server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s address; Fish Audio&apos;s cloud and ElevenLabs take their API keys from Preferences or the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voice ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ElevenLabs voice that sings: its ID, from the Voices page of ElevenLabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: an RVC voice model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the vocals, whoever sings them, into this voice model of an RVC server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RVC server&apos;s address (rvc-python&apos;s API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs needs an API key: save it in Preferences, or set ELEVENLABS_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the ElevenLabs voice that sings: its voice ID, beside the address.</source>
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
    <message>
        <source>Chords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
