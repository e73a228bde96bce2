# zsh -f capture.zsh FPATH_DIR LINE: types LINE and a TAB into an interactive zsh (on a
# pseudo-terminal, as a user would) and prints the words its completion offers, one a line.
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1=''; PROMPT_EOL_MARK=''; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' list-grouped false; zstyle ':completion:*' insert-tab false"
zpty -w z 'bindkey "^I" complete-word; null-line() { print -r -- "<<""END>>"; }; compprefuncs=(); comppostfuncs=(null-line exit)'
zpty -w z 'compadd() { local -a __hits; builtin compadd -O __hits "$@"; (( ${#__hits} )) && print -rl -- "<<""HIT>>"${^__hits}; builtin compadd "$@"; }'
zpty -w -n z "$2"$'\t'
out=""
integer tries=0
while (( tries++ < 200 )); do
  if zpty -r -t z line 2>/dev/null; then
    out+=$line
    [[ $line == *'<<END>>'* ]] && break
  else
    sleep 0.05
  fi
done
print -r -- "$out" | grep -a -o "<<HIT>>[^[:cntrl:]]*" | sed "s/<<HIT>>//" | sort -u
zpty -d z
