#!/usr/bin/env bash
# Makes the audio captcha's clips: each digit 0-9 spoken in each site language by two espeak-ng
# voices, as 16 kHz mono 16-bit PCM WAV with the silence trimmed off both ends and the level
# normalised. Run once when a language or voice changes, and commit the result: the site mixes
# these clips itself (NAudio) and needs neither espeak-ng nor sox at run time.
#   apt-get install -y espeak-ng sox
#   tools/captcha-voices/make-clips.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=Remandzana.Web/Captcha/Voices

# site language -> espeak-ng voice
declare -A voices=([en]=en-us [ar]=ar [de]=de [es]=es [fr]=fr-fr [pt]=pt [ru]=ru [zh-Hans]=cmn)
# two speakers per language (espeak-ng variants): a lower and a higher voice
variants=(m3 f2)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for language in "${!voices[@]}"; do
  mkdir -p "$out/$language"
  rm -f "$out/$language"/*.wav
  for v in "${!variants[@]}"; do
    for digit in 0 1 2 3 4 5 6 7 8 9; do
      espeak-ng -v "${voices[$language]}+${variants[$v]}" -s 150 -w "$work/raw.wav" "$digit"
      # silence off the front, then (reversed) off the back; then 16 kHz mono 16-bit, peak at -1 dBFS
      sox "$work/raw.wav" -r 16000 -c 1 -b 16 "$out/$language/$digit-$v.wav" \
        silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse norm -1
    done
  done
done
du -sh "$out"
