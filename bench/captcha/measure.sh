#!/usr/bin/env bash
# Measures the captcha against the recognisers a script would grab first (see RESULTS.md):
# plain tesseract on the pictures, pocketsphinx (en-us model, a digits-only grammar) on English
# recordings, and, as a control, pocketsphinx on the same digits read from the clean clips.
# The grammar is the strongest cheap one a script could write from the page: exactly as many
# digits as the page says, "zero" to "nine" (allowing "oh" too makes it hear "oh" in every pause).
#   apt-get install -y tesseract-ocr pocketsphinx pocketsphinx-en-us sox
#   bench/captcha/measure.sh [PICTURES=200] [RECORDINGS=100] [OUTPUT=a new temporary folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
pictures=${1:-200}
recordings=${2:-100}
out=${3:-$(mktemp -d)}
here=bench/captcha
alphabet=ACDEFHJKMNPRTUVWXY3479

dotnet build "$here/Remandzana.CaptchaSamples" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
dotnet "$out/bin/Remandzana.CaptchaSamples.dll" "$out/samples" "$pictures" "$recordings" en

# Characters in the right place, over all pictures, besides whole codes read right.
right=0 chars=0
while IFS=$'\t' read -r file code; do
  read=$(tesseract "$out/samples/$file" - --psm 7 -c tessedit_char_whitelist=$alphabet 2>/dev/null | tr -d ' \n')
  [ "$read" = "$code" ] && right=$((right + 1))
  for ((i = 0; i < ${#code}; i++)); do [ "${read:i:1}" = "${code:i:1}" ] && chars=$((chars + 1)); done
done <"$out/samples/pictures.tsv"
echo "tesseract --psm 7 (whitelist $alphabet): $right of $pictures pictures read right; $chars of $((pictures * 6)) characters in place"

digits=$(head -1 "$out/samples/recordings.tsv" | cut -f2 | tr -d '\n' | wc -c)
{
  echo '#JSGF V1.0;'
  echo 'grammar digits;'
  echo '<d> = zero | one | two | three | four | five | six | seven | eight | nine ;'
  echo "public <digits> = $(printf '<d> %.0s' $(seq "$digits"));"
} >"$out/digits.jsgf"

to_digits() { # pocketsphinx's words -> digits
  sed -e 's/\bzero\b/0/g; s/\boh\b/0/g; s/\bone\b/1/g; s/\btwo\b/2/g; s/\bthree\b/3/g; s/\bfour\b/4/g' \
      -e 's/\bfive\b/5/g; s/\bsix\b/6/g; s/\bseven\b/7/g; s/\beight\b/8/g; s/\bnine\b/9/g' | tr -cd '0-9'
}

listen() { # $1: tsv of file<TAB>digits, $2: folder, $3: label
  local right=0 count=0 place=0 total=0
  while IFS=$'\t' read -r file code; do
    heard=$(pocketsphinx_continuous -infile "$2/$file" -jsgf "$out/digits.jsgf" -vad_postspeech 400 -logfn /dev/null 2>/dev/null </dev/null | to_digits)
    count=$((count + 1))
    [ "$heard" = "$code" ] && right=$((right + 1))
    for ((i = 0; i < ${#code}; i++)); do [ "${heard:i:1}" = "${code:i:1}" ] && place=$((place + 1)); done
    total=$((total + ${#code}))
  done <"$1"
  echo "pocketsphinx (en-us, grammar of $digits digits) on $3: $right of $count codes heard right; $place of $total digits in place"
}

listen "$out/samples/recordings.tsv" "$out/samples" "the site's recordings"

# Control: the same codes from the clean clips (the two voices in turn, 0.3 s apart, no noise), so a low
# figure above is the mix's doing, not a recogniser that cannot hear these voices at all.
mkdir -p "$out/clean"
: >"$out/clean.tsv"
while IFS=$'\t' read -r file code; do
  parts=()
  for ((i = 0; i < ${#code}; i++)); do parts+=("Remandzana.Web/Captcha/Voices/en/${code:i:1}-$((i % 2)).wav" "$out/gap.wav"); done
  [ -f "$out/gap.wav" ] || sox -n -r 16000 -c 1 -b 16 "$out/gap.wav" trim 0 0.3
  sox "$out/gap.wav" "${parts[@]}" "$out/clean/$(basename "$file")"
  printf '%s\t%s\n' "$(basename "$file")" "$code" >>"$out/clean.tsv"
done <"$out/samples/recordings.tsv"
listen "$out/clean.tsv" "$out/clean" "the same digits from the clean clips"
echo "samples in $out/samples"
