# fish completion for kith.
# The candidates come from `kith __complete`, which walks kith's own parser and reads the
# database, so this file does not change when kith gains a command or an option.

function __kith_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    command $tokens[1] __complete -- $tokens[2..-1] $current 2>/dev/null
end

complete -c kith -f -k -a '(__kith_complete)'
