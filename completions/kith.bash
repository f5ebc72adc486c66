# bash completion for kith.
# The candidates come from `kith __complete`, which walks kith's own parser and reads the
# database, so this file does not change when kith gains a command or an option.

# A word as the command will get it: bash leaves the shell's quoting in COMP_WORDS (Sam\ Lee,
# "Sam Lee"); kith must be asked about Sam Lee. An unclosed quote is the caller's to handle.
_kith_unquote() {
    local in=$1 out="" c quote=""
    while [[ -n $in ]]; do
        c=${in:0:1}
        in=${in:1}
        if [[ -n $quote ]]; then
            if [[ $c == "$quote" ]]; then quote=""; else out+=$c; fi
        elif [[ $c == [\"\'] ]]; then
            quote=$c
        elif [[ $c == \\ && -n $in ]]; then
            out+=${in:0:1}
            in=${in:1}
        else
            out+=$c
        fi
    done
    REPLY=$out
}

_kith() {
    local i word cur quote="" prefix=""
    local -a words=() candidates=()
    for ((i = 1; i <= COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        # The word being completed keeps an opening quote, handled below.
        if ((i < COMP_CWORD)) || [[ $word != [\"\']* ]]; then
            _kith_unquote "$word"
            word=$REPLY
        fi
        # bash splits --format=js into "--format" "=" "js"; kith takes it whole.
        if ((${#words[@]})) && [[ $word == "=" || ${COMP_WORDS[i - 1]} == "=" ]] && [[ ${words[-1]} == --* ]]; then
            words[-1]+=$word
        else
            words+=("$word")
        fi
    done
    cur=${words[-1]}
    # An opening quote ("Sam Sm) stays the user's: complete inside it, unescaped.
    if [[ $cur == [\"\']* ]]; then
        quote=${cur:0:1}
        cur=${cur:1}
        words[-1]=$cur
    fi
    # readline replaces only what follows the "=" of --format=js.
    [[ $cur == --*=* ]] && prefix=${cur%%=*}=
    mapfile -t candidates < <(command "${COMP_WORDS[0]}" __complete -- "${words[@]}" 2>/dev/null)
    COMPREPLY=()
    if [[ ${candidates[0]-} == :files ]]; then  # a file name (--db PATH): the shell knows those
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "${cur#"$prefix"}")
        return
    fi
    for word in "${candidates[@]}"; do
        word=${word%%$'\t'*}  # the description after a tab is for zsh and fish
        word=${word#"$prefix"}
        [[ -z $quote ]] && printf -v word '%q' "$word"
        COMPREPLY+=("$word")
    done
}

complete -F _kith kith
