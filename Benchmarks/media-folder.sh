# Sourced by the media comparison scripts: the folder both tools work on. With MEDIA set, that
# folder; otherwise COPIES copies of Corpus/media's fixtures of every format pdpcheck reads and
# writes, under $workdir/media. Sets `folder`, `files` and `bytes`, and prints them.
make_media_folder() {
    if [[ -n "${MEDIA:-}" ]]; then
        folder="$MEDIA"
    else
        folder="$workdir/media"
        for i in $(seq 1 "$COPIES"); do
            mkdir -p "$folder/$i"
            for d in avif gif heic jpeg jxl png tiff video webp; do cp -r "Corpus/media/$d" "$folder/$i/"; done
        done
    fi
    files=$(find "$folder" -type f | wc -l)
    bytes=$(du -sb "$folder" | cut -f1)
    echo "== $files files, $bytes bytes in $folder"
}
