{application,beamr_gleam,
             [{vsn,"0.1.0"},
              {applications,[kernel,stdlib]},
              {description,"beamr's Gleam test programs"},
              {modules,['beamr_gleam@@main','gt_bigints','gt_bitstrings','gt_closures','gt_crash_clause','gt_crash_ffi','gt_division','gt_ffi','gt_floats','gt_graphemes','gt_halt','gt_json','gt_let_assert','gt_lib@shapes','gt_lib@stack','gt_lists','gt_maps','gt_modules','gt_otp_calls','gt_panic','gt_panic_closure','gt_patterns','gt_processes','gt_records','gt_rescue','gt_results','gt_ring','gt_strings','gt_throw','gt_todo','gt_tree','gt_unicode','gt_use','gt_wordfreq']},
              {registered,[]}]}.
