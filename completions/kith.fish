# fish completion for kith.
# The candidates come from `kith __complete`, which walks kith's own parser and reads the
# database, so this file does not change when kith gains a command or an option.

function __kith_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l candidates (command $tokens[1] __complete -- $tokens[2..-1] $current 2>/dev/null)
    if test "$candidates[1]" = ":files" # a file name (--db PATH): fish knows those
        set -l option (string match -r -- '^--[^=]*=' $current) # --config=~/k: keep "--config="
        set -q option[1]; or set option ''
        for file in (__fish_complete_path (string replace -r -- '^--[^=]*=' '' $current))
            echo $option$file
        end
    else
        for candidate in $candidates
            echo $candidate
        end
    end
end

complete -c kith -f -k -a '(__kith_complete)'
