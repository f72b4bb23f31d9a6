from trygghetsbot.cli import main

raise SystemExit(main())
